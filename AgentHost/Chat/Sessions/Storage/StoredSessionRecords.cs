using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.AI;

namespace AgentHost.Chat.Sessions.Storage;

/// <summary>
/// A session claimed for one turn: its stored state as the turn found it. <see cref="Version"/> is the row's
/// version after the claim; the turn's results are saved only if the row still has it (optimistic concurrency).
/// </summary>
public sealed record ClaimedSession(
    string Id,
    long Version,
    int TurnNumber,
    DateTimeOffset ClaimedAt,
    IReadOnlyList<ChatMessage> History,
    PendingConfirmation? Pending,
    IReadOnlyList<long> TicketIds);

/// <summary>What a finished turn leaves in the session: the new history, the question it asked (if any), its transcript lines and all ticket ids filed so far.</summary>
public sealed record CompletedTurn(
    IReadOnlyList<ChatMessage> History,
    PendingConfirmation? Pending,
    IReadOnlyList<TranscriptEntry> Transcript,
    IReadOnlyList<long> TicketIds);

/// <summary>One line of the readable transcript: what the person said, or the assistant's answer with the tools it called.</summary>
public sealed record TranscriptEntry(int Turn, string Role, string Text, IReadOnlyList<TranscriptToolCall> ToolCalls, DateTimeOffset At);

/// <summary>A tool call as the transcript shows it: the arguments the model sent and the result it got back (JSON).</summary>
public sealed record TranscriptToolCall(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("arguments")] JsonElement Arguments,
    [property: JsonPropertyName("result")] JsonElement? Result);

/// <summary>
/// What asking for a session's claim came to: the claim, or none because another turn is running on it
/// (<see cref="NotOwner"/> false) or because it is someone else's (<see cref="NotOwner"/> true).
/// </summary>
public sealed record SessionClaim(ClaimedSession? Claimed, bool NotOwner)
{
    public static SessionClaim Busy { get; } = new(null, NotOwner: false);

    public static SessionClaim Foreign { get; } = new(null, NotOwner: true);
}

/// <summary>A stored session as <c>GET /chat/sessions/{id}</c> shows it, with the id of the person it belongs to.</summary>
public sealed record StoredTranscript(string Id, string OwnerId, DateTimeOffset Created, DateTimeOffset LastUsed, IReadOnlyList<TranscriptEntry> Turns, IReadOnlyList<long> TicketIds);
