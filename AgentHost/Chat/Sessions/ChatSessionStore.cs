using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace AgentHost.Chat.Sessions;

/// <summary>Limits of the in-memory session store.</summary>
public sealed class ChatSessionOptions
{
    public int MaxSessions { get; set; } = 1000;

    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    public int MaxMessagesPerSession { get; set; } = 60;

    /// <summary>How many recent turns per session keep their frames for reconnects and retries.</summary>
    public int TurnsKeptPerSession { get; set; } = 4;

    /// <summary>Frames kept per turn; past it only the terminal frame is kept (docs/chat-sse.md).</summary>
    public int MaxFramesPerTurn { get; set; } = 4096;

    /// <summary>How long a "Reply yes to delete ..." question stays answerable.</summary>
    public TimeSpan ConfirmationTimeout { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// In-memory sessions, bounded in number and size and expiring after idle time. Expired sessions are swept
/// when sessions are looked up (no background timer to own); when full, the least recently used goes.
/// Also indexes turns by their <c>Idempotency-Key</c> so a retried request finds the turn it already started.
/// </summary>
public sealed partial class ChatSessionStore(Microsoft.Extensions.Options.IOptions<ChatSessionOptions> options, TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, ChatSession> _sessions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ChatTurn> _turnsByKey = new(StringComparer.Ordinal);
    private readonly Lock _keyGate = new();
    private readonly ChatSessionOptions _options = options.Value;

    public int Count => _sessions.Count;

    public int MaxMessagesPerSession => _options.MaxMessagesPerSession;

    public TimeSpan ConfirmationTimeout => _options.ConfirmationTimeout;

    /// <summary>A client-chosen id must be 1-64 letters, digits, '-' or '_' (it is echoed into JSON, logs and event ids).</summary>
    public static bool IsValidId(string id) => ValidId().IsMatch(id);

    /// <summary>The session with this id (a new one under that id when unknown or expired), or a fresh id when null.</summary>
    public ChatSession GetOrCreate(string? id)
    {
        var now = timeProvider.GetUtcNow();
        Sweep(now);
        id ??= NewId();
        var session = _sessions.AddOrUpdate(id,
            key => new ChatSession(key, now),
            (key, existing) => IsExpired(existing, now) ? new ChatSession(key, now) : existing);
        session.Touch(now);
        return session;
    }

    /// <summary>The live session with this id, or null; never creates one (reconnects must not start anything).</summary>
    public ChatSession? Find(string id) =>
        _sessions.TryGetValue(id, out var session) && !IsExpired(session, timeProvider.GetUtcNow()) ? session : null;

    /// <summary>
    /// Starts a turn on the session (created when needed), unless <paramref name="idempotencyKey"/> already names
    /// a kept turn: then that turn is replayed (same message) or the reuse is refused (different message or session).
    /// </summary>
    public TurnStart StartTurn(string? sessionId, string message, string? idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (idempotencyKey is null)
        {
            return Begin(GetOrCreate(sessionId), message, null);
        }

        // One lock for keyed starts: two copies of the same request racing must not both start a turn.
        lock (_keyGate)
        {
            if (_turnsByKey.TryGetValue(idempotencyKey, out var earlier) && IsKept(earlier))
            {
                var same = earlier.Message == message && (sessionId is null || sessionId == earlier.SessionId);
                return same ? new TurnReplayed(earlier) : new IdempotencyKeyReused(earlier);
            }

            var start = Begin(GetOrCreate(sessionId), message, idempotencyKey);
            if (start is TurnStarted started)
            {
                _turnsByKey[idempotencyKey] = started.Turn;
                PruneKeys();
            }

            return start;
        }
    }

    private TurnStart Begin(ChatSession session, string message, string? idempotencyKey)
    {
        var turn = session.TryBeginTurn(message, idempotencyKey, _options.MaxFramesPerTurn, _options.TurnsKeptPerSession);
        return turn is null ? new SessionBusy(session.Id) : new TurnStarted(session, turn);
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

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex ValidId();
}
