using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using AgentHost.Chat.Sessions.Storage;

namespace AgentHost.Chat.Sessions;

/// <summary>
/// Sessions: the stored conversations (<see cref="ChatSessionRepository"/>: history, pending confirmation,
/// transcript; they survive a restart) and, in memory, each session's recent turn journals for reconnects and
/// retries. The in-memory part is bounded and expiring like the stored one; expired entries are swept when
/// sessions are looked up (no background timer to own); when full, the least recently used goes. Also indexes
/// turns by their <c>Idempotency-Key</c> so a retried request finds the turn it already started. Every session
/// belongs to the person who opened it (docs/chat-sse.md, "Whose session it is"): anyone else's message to it is
/// refused (<see cref="NotYourSession"/>), their reconnects find nothing, and keys are kept per person.
/// </summary>
public sealed partial class ChatSessionStore(
    Microsoft.Extensions.Options.IOptions<ChatSessionOptions> options, ChatSessionRepository repository, TimeProvider timeProvider) : IDisposable
{
    private readonly ConcurrentDictionary<string, ChatSession> _sessions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ChatTurn> _turnsByKey = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _keyGate = new(1, 1);
    private readonly ChatSessionOptions _options = options.Value;

    /// <summary>Sessions whose journals are held in memory.</summary>
    public int Count => _sessions.Count;

    public ChatSessionRepository Repository => repository;

    public int MaxMessagesPerSession => _options.MaxMessagesPerSession;

    public TimeSpan ConfirmationTimeout => _options.ConfirmationTimeout;

    public TimeSpan IdleTimeout => _options.IdleTimeout;

    public TimeSpan TurnLease => _options.TurnLease;

    /// <summary>A client-chosen id must be 1-64 letters, digits, '-' or '_' (it is echoed into JSON, logs and event ids).</summary>
    public static bool IsValidId(string id) => ValidId().IsMatch(id);

    /// <summary>
    /// The in-memory side of <paramref name="ownerId"/>'s session with this id, or of a fresh id when null. A new one
    /// replaces an expired entry, and an entry of another owner: called once the stored session's claim proved the
    /// id is <paramref name="ownerId"/>'s, so such an entry is left over from a session the database no longer has.
    /// </summary>
    public ChatSession GetOrCreate(string? id, string ownerId)
    {
        ArgumentNullException.ThrowIfNull(ownerId);
        var now = timeProvider.GetUtcNow();
        Sweep(now);
        id ??= NewId();
        var session = _sessions.AddOrUpdate(id,
            key => new ChatSession(key, ownerId, now),
            (key, existing) => IsExpired(existing, now) || existing.OwnerId != ownerId ? new ChatSession(key, ownerId, now) : existing);
        session.Touch(now);
        return session;
    }

    /// <summary>The live session with this id, or null; never creates one (reconnects must not start anything).</summary>
    public ChatSession? Find(string id) =>
        _sessions.TryGetValue(id, out var session) && !IsExpired(session, timeProvider.GetUtcNow()) ? session : null;

    /// <summary>The live session with this id if it is <paramref name="ownerId"/>'s; someone else's is as unknown as a missing one.</summary>
    public ChatSession? Find(string id, string ownerId) => Find(id) is { } session && session.OwnerId == ownerId ? session : null;

    /// <summary>
    /// Starts a turn on <paramref name="ownerId"/>'s session (created as theirs when needed; someone else's is refused),
    /// unless <paramref name="idempotencyKey"/> already names a kept turn of theirs: then that turn is replayed (same
    /// message) or the reuse is refused (different message or session).
    /// </summary>
    public async Task<TurnStart> StartTurnAsync(string? sessionId, string ownerId, string message, string? idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ownerId);
        ArgumentNullException.ThrowIfNull(message);
        if (idempotencyKey is null)
        {
            return await BeginAsync(sessionId, ownerId, message, null, cancellationToken);
        }

        // Keys are the client's own: the same key from another person names nothing of theirs, so it cannot replay their turn.
        var scopedKey = ownerId + "\n" + idempotencyKey;

        // One gate for keyed starts: two copies of the same request racing must not both start a turn.
        await _keyGate.WaitAsync(cancellationToken);
        try
        {
            if (_turnsByKey.TryGetValue(scopedKey, out var earlier) && IsKept(earlier))
            {
                var same = earlier.Message == message && (sessionId is null || sessionId == earlier.SessionId);
                return same ? new TurnReplayed(earlier) : new IdempotencyKeyReused(earlier);
            }

            var start = await BeginAsync(sessionId, ownerId, message, idempotencyKey, cancellationToken);
            if (start is TurnStarted started)
            {
                _turnsByKey[scopedKey] = started.Turn;
                PruneKeys();
            }

            return start;
        }
        finally
        {
            _keyGate.Release();
        }
    }

    /// <summary>
    /// Checks this host's journals first (someone else's live session, or a busy one, needs no database round trip),
    /// then claims the stored session, which also refuses someone else's session and a turn running on another host.
    /// The in-memory side is made only after the claim, so a refused request leaves nothing behind.
    /// </summary>
    private async Task<TurnStart> BeginAsync(string? sessionId, string ownerId, string message, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var id = sessionId ?? NewId();
        if (Find(id) is { } live)
        {
            if (live.OwnerId != ownerId)
            {
                return new NotYourSession(id);
            }

            if (live.IsAnswering)
            {
                return new SessionBusy(id);
            }
        }

        var attempt = await repository.ClaimAsync(id, ownerId, timeProvider.GetUtcNow(), cancellationToken);
        if (attempt.Claimed is not { } claim)
        {
            return attempt.NotOwner ? new NotYourSession(id) : new SessionBusy(id);
        }

        var session = GetOrCreate(id, ownerId);

        var turn = session.TryBeginTurn(claim.TurnNumber, message, idempotencyKey, _options.MaxFramesPerTurn, _options.TurnsKeptPerSession);
        if (turn is null)
        {
            // Unreachable while the claim holds the stored session, but never leave a claim behind.
            await repository.ReleaseAsync(claim, CancellationToken.None);
            return new SessionBusy(session.Id);
        }

        return new TurnStarted(session, turn, claim);
    }

    private bool IsKept(ChatTurn turn) => Find(turn.SessionId) is { } session && session.Keeps(turn);

    /// <summary>Drops keys whose turns are gone; amortised, so only once the index outgrows the live turns it can point at.</summary>
    private void PruneKeys()
    {
        if (_turnsByKey.Count <= _options.MaxSessions * _options.TurnsKeptPerSession)
        {
            return;
        }

        foreach (var (key, turn) in _turnsByKey.ToList())
        {
            if (!IsKept(turn))
            {
                _turnsByKey.Remove(key);
            }
        }
    }

    private bool IsExpired(ChatSession session, DateTimeOffset now) => now - session.LastUsed > _options.IdleTimeout;

    private void Sweep(DateTimeOffset now)
    {
        // ToArray takes a consistent snapshot. Sorting the live dictionary (LINQ sizes an array from Count,
        // then copies) threw when other requests added sessions in between: 500s under load.
        var snapshot = _sessions.ToArray();
        foreach (var (key, session) in snapshot)
        {
            if (IsExpired(session, now))
            {
                _sessions.TryRemove(new KeyValuePair<string, ChatSession>(key, session));
            }
        }

        var excess = _sessions.Count - _options.MaxSessions + 1;
        if (excess > 0)
        {
            foreach (var (key, session) in snapshot.OrderBy(kv => kv.Value.LastUsed).Take(excess))
            {
                _sessions.TryRemove(new KeyValuePair<string, ChatSession>(key, session));
            }
        }
    }

    /// <summary>128 random bits: a server-made id cannot be guessed, and holding it is what lets one read the transcript.</summary>
    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public void Dispose() => _keyGate.Dispose();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex ValidId();
}
