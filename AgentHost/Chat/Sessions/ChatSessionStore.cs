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
}

/// <summary>
/// In-memory sessions, bounded in number and size and expiring after idle time. Expired sessions are swept
/// when sessions are looked up (no background timer to own); when full, the least recently used goes.
/// </summary>
public sealed partial class ChatSessionStore(Microsoft.Extensions.Options.IOptions<ChatSessionOptions> options, TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, ChatSession> _sessions = new(StringComparer.Ordinal);
    private readonly ChatSessionOptions _options = options.Value;

    public int Count => _sessions.Count;

    public int MaxMessagesPerSession => _options.MaxMessagesPerSession;

    /// <summary>A client-chosen id must be 1-64 letters, digits, '-' or '_' (it is echoed into JSON and logs).</summary>
    public static bool IsValidId(string id) => ValidId().IsMatch(id);

    /// <summary>The session with this id (a new one under that id when unknown or expired), or a fresh id when null.</summary>
    public ChatSession GetOrCreate(string? id)
    {
        var now = timeProvider.GetUtcNow();
        Sweep(now);
        id ??= NewId();
        var session = _sessions.AddOrUpdate(id,
            key => new ChatSession(key, now),
            (key, existing) => now - existing.LastUsed > _options.IdleTimeout ? new ChatSession(key, now) : existing);
        session.Touch(now);
        return session;
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, session) in _sessions)
        {
            if (now - session.LastUsed > _options.IdleTimeout)
            {
                _sessions.TryRemove(new KeyValuePair<string, ChatSession>(key, session));
            }
        }

        var excess = _sessions.Count - _options.MaxSessions + 1;
        if (excess > 0)
        {
            foreach (var (key, session) in _sessions.OrderBy(kv => kv.Value.LastUsed).Take(excess).ToList())
            {
                _sessions.TryRemove(new KeyValuePair<string, ChatSession>(key, session));
            }
        }
    }

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex ValidId();
}
