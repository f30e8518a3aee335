using AgentHost.Chat.Sessions.Storage;

namespace AgentHost.Chat.Sessions;

/// <summary>What asking a session for a new turn came to.</summary>
public abstract record TurnStart;

/// <summary>A new turn, with the stored session it claimed; the caller runs it.</summary>
public sealed record TurnStarted(ChatSession Session, ChatTurn Turn, ClaimedSession Claim) : TurnStart;

/// <summary>The <c>Idempotency-Key</c> names a turn that already ran or is running: answer from its journal.</summary>
public sealed record TurnReplayed(ChatTurn Turn) : TurnStart;

/// <summary>The session is still answering a previous message (on this host or another one).</summary>
public sealed record SessionBusy(string SessionId) : TurnStart;

/// <summary>The <c>Idempotency-Key</c> was used before for a different message or session.</summary>
public sealed record IdempotencyKeyReused(ChatTurn Turn) : TurnStart;

/// <summary>
/// The session is someone else's (docs/chat-sse.md, "Whose session it is"); answered as an unknown session is, so a
/// held id gives nothing away but that it is taken.
/// </summary>
public sealed record NotYourSession(string SessionId) : TurnStart;
