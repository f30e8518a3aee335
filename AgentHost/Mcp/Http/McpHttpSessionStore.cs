namespace AgentHost.Mcp.Http;

/// <summary>
/// The live sessions of <c>/mcp</c>, bounded in count and idle time (docs/mcp.md, "Sessions"). At most
/// <see cref="McpServerSettings.MaxSessions"/> live at once: a new session evicts the least recently used idle one,
/// and when every session is busy the new one is refused rather than the cap exceeded. A session unused for
/// <see cref="McpServerSettings.SessionIdleTimeout"/> is closed when it is next looked up or when a session starts
/// (no background timer to own). All are closed when the host stops.
/// </summary>
internal sealed partial class McpHttpSessionStore(McpServerSettings settings, TimeProvider time, ILogger<McpHttpSessionStore> logger) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, McpHttpSession> _sessions = new(StringComparer.Ordinal);

    public TimeProvider Time => time;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _sessions.Count;
            }
        }
    }

    /// <summary>
    /// The session with this id, already marked in use (dispose the lease when the request ends); null when there
    /// is none, or when it had been idle too long, in which case it is closed now.
    /// </summary>
    public async ValueTask<(McpHttpSession Session, IDisposable Lease)?> AcquireAsync(string id)
    {
        McpHttpSession? expired;
        lock (_gate)
        {
            // Someone else's session is not found, as a missing one (docs/accounts.md, "Visibility"): its server acts as its opener.
            if (!_sessions.TryGetValue(id, out var session)
                || !string.Equals(session.OwnerId, TicketApi.Accounts.ActingContext.Actor.Id, StringComparison.Ordinal))
            {
                return null;
            }

            if (!session.IsIdleSince(IdleCutoff()))
            {
                return (session, session.Use());
            }

            _sessions.Remove(id);
            expired = session;
        }

        LogIdleTimeout(expired.Id, settings.SessionIdleTimeout);
        await expired.DisposeAsync();
        return null;
    }

    /// <summary>
    /// Adds a new session, already marked in use, after closing expired sessions and, at the cap, the least
    /// recently used idle ones. Null when the store is full of busy sessions: the caller refuses the client.
    /// </summary>
    public async ValueTask<IDisposable?> TryAddAsync(McpHttpSession session)
    {
        var closing = new List<McpHttpSession>();
        IDisposable? lease = null;
        lock (_gate)
        {
            var cutoff = IdleCutoff();
            foreach (var expired in _sessions.Values.Where(s => s.IsIdleSince(cutoff)).ToList())
            {
                _sessions.Remove(expired.Id);
                closing.Add(expired);
                LogIdleTimeout(expired.Id, settings.SessionIdleTimeout);
            }

            while (_sessions.Count >= settings.MaxSessions && LeastRecentlyUsedIdle() is { } evicted)
            {
                _sessions.Remove(evicted.Id);
                closing.Add(evicted);
                LogEvicted(evicted.Id, settings.MaxSessions);
            }

            if (_sessions.Count < settings.MaxSessions)
            {
                if (!_sessions.TryAdd(session.Id, session))
                {
                    // 128 random bits: a clash means the random source is broken, not bad luck.
                    throw new InvalidOperationException($"MCP session id '{session.Id}' is already in use.");
                }

                lease = session.Use();
            }
        }

        // Closed before the new session is used, like the SDK's session manager: sessions are never created faster
        // than old ones are torn down, so a flood of initialize calls cannot outrun the cleanup.
        foreach (var old in closing)
        {
            await old.DisposeAsync();
        }

        if (lease is null)
        {
            LogFull(settings.MaxSessions);
        }

        return lease;
    }

    /// <summary>Removes and closes a session; false when there is no such session.</summary>
    public async Task<bool> CloseAsync(string id)
    {
        McpHttpSession? session;
        lock (_gate)
        {
            if (!_sessions.Remove(id, out session))
            {
                return false;
            }
        }

        await session.DisposeAsync();
        return true;
    }

    private DateTimeOffset IdleCutoff() => time.GetUtcNow() - settings.SessionIdleTimeout;

    private McpHttpSession? LeastRecentlyUsedIdle()
    {
        McpHttpSession? oldest = null;
        foreach (var session in _sessions.Values)
        {
            if (!session.IsBusy && (oldest is null || session.LastActivity < oldest.LastActivity))
            {
                oldest = session;
            }
        }

        return oldest;
    }

    public async ValueTask DisposeAsync()
    {
        List<McpHttpSession> all;
        lock (_gate)
        {
            all = [.. _sessions.Values];
            _sessions.Clear();
        }

        foreach (var session in all)
        {
            await session.DisposeAsync();
        }
    }

    // Debug, not Information: under a flood of abandoned initializes these would be one line per request.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Closing MCP session {SessionId}: idle for more than {IdleTimeout}")]
    private partial void LogIdleTimeout(string sessionId, TimeSpan idleTimeout);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Closing MCP session {SessionId}, the least recently used, to stay within MCP_MAX_SESSIONS ({MaxSessions})")]
    private partial void LogEvicted(string sessionId, int maxSessions);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a new MCP session: all {MaxSessions} sessions (MCP_MAX_SESSIONS) are busy")]
    private partial void LogFull(int maxSessions);
}
