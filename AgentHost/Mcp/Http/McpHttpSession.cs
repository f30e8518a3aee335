using ModelContextProtocol.Server;

namespace AgentHost.Mcp.Http;

/// <summary>
/// One stateful Streamable HTTP session: the transport the requests of that client feed, the MCP server that
/// reads it, and the task running that server. The run task is owned here and awaited on disposal.
/// </summary>
internal sealed class McpHttpSession : IAsyncDisposable
{
    private readonly CancellationTokenSource _closed = new();
    private readonly TimeProvider _time;
    private Task _run = Task.CompletedTask;
    private int _getStreamStarted;
    private int _activeRequests;
    private long _lastActivityTicks;
    private int _disposed;

    public McpHttpSession(string id, StreamableHttpServerTransport transport, McpServer server, TimeProvider time)
    {
        Id = id;
        Transport = transport;
        Server = server;
        _time = time;
        _lastActivityTicks = time.GetUtcNow().UtcTicks;
    }

    public string Id { get; }

    public StreamableHttpServerTransport Transport { get; }

    public McpServer Server { get; }

    public void Start() => _run = Server.RunAsync(_closed.Token);

    /// <summary>The spec allows one standalone GET stream per session; a second one is refused.</summary>
    public bool TryStartGetStream() => Interlocked.Exchange(ref _getStreamStarted, 1) == 0;

    /// <summary>Marks the session busy for the length of a request so the idle sweep leaves it alone.</summary>
    public IDisposable Use()
    {
        Interlocked.Increment(ref _activeRequests);
        Touch();
        return new Lease(this);
    }

    public bool IsIdleSince(DateTimeOffset cutoff) =>
        Volatile.Read(ref _activeRequests) == 0 && Volatile.Read(ref _lastActivityTicks) < cutoff.UtcTicks;

    private void Touch() => Volatile.Write(ref _lastActivityTicks, _time.GetUtcNow().UtcTicks);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        // Closing the transport completes the server's message reader, which ends RunAsync; cancelling first
        // stops any tool call still in flight for this session.
        await _closed.CancelAsync();
        await Transport.DisposeAsync();
        try
        {
            await _run;
        }
        catch (OperationCanceledException)
        {
            // Expected: the session was closed while the server was running.
        }

        await Server.DisposeAsync();
        _closed.Dispose();
    }

    private sealed class Lease(McpHttpSession session) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                session.Touch();
                Interlocked.Decrement(ref session._activeRequests);
            }
        }
    }
}
