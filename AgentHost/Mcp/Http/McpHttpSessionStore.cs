using System.Collections.Concurrent;

namespace AgentHost.Mcp.Http;

/// <summary>
/// The live sessions of <c>/mcp</c>. Sessions that nobody has used for <see cref="IdleTimeout"/> are closed
/// when the next session is created (no background timer to own), and all are closed when the host stops.
/// </summary>
internal sealed class McpHttpSessionStore(TimeProvider time, ILogger<McpHttpSessionStore> logger) : IAsyncDisposable
{
    /// <summary>The SDK's default idle timeout: a client that went away without DELETE is forgotten after this.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromHours(2);

    private readonly ConcurrentDictionary<string, McpHttpSession> _sessions = new(StringComparer.Ordinal);

    public TimeProvider Time => time;

    public int Count => _sessions.Count;

    public bool TryGet(string id, out McpHttpSession session) => _sessions.TryGetValue(id, out session!);

    public async Task AddAsync(McpHttpSession session)
    {
        await CloseIdleSessionsAsync();
        if (!_sessions.TryAdd(session.Id, session))
        {
            // 128 random bits: a clash means the random source is broken, not bad luck.
            throw new InvalidOperationException($"MCP session id '{session.Id}' is already in use.");
        }
    }

    /// <summary>Removes and closes a session; false when there is no such session.</summary>
    public async Task<bool> CloseAsync(string id)
    {
        if (!_sessions.TryRemove(id, out var session))
        {
            return false;
        }

        await session.DisposeAsync();
        return true;
    }

    private async Task CloseIdleSessionsAsync()
    {
        var cutoff = time.GetUtcNow() - IdleTimeout;
        foreach (var (id, session) in _sessions)
        {
            if (session.IsIdleSince(cutoff) && _sessions.TryRemove(id, out _))
            {
                logger.LogInformation("Closing MCP session {SessionId}: idle for more than {IdleTimeout}", id, IdleTimeout);
                await session.DisposeAsync();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var id in _sessions.Keys)
        {
            await CloseAsync(id);
        }
    }
}
