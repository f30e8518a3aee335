using System.Collections.Concurrent;
using ModelContextProtocol.Protocol;
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
    private readonly ConcurrentDictionary<RequestId, CancellationTokenSource> _openPosts = new();
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
        Closed = _closed.Token;
    }

    /// <summary>
    /// The id of the person who opened the session (in whose request it was made, so its server acts as them): only
    /// they may use it (<see cref="McpHttpSessionStore.AcquireAsync"/>); to anyone else it does not exist.
    /// </summary>
    public string OwnerId { get; } = TicketApi.Accounts.ActingContext.Actor.Id;

    /// <summary>Cancelled when the session is closed (DELETE, eviction, expiry, shutdown); ends its GET stream.</summary>
    public CancellationToken Closed { get; }

    public string Id { get; }

    public StreamableHttpServerTransport Transport { get; }

    public McpServer Server { get; }

    /// <summary>Set once the server has answered <c>initialize</c> with a result; null while (or if) the handshake fails.</summary>
    public string? NegotiatedProtocolVersion => Server.NegotiatedProtocolVersion;

    public DateTimeOffset LastActivity => new(Volatile.Read(ref _lastActivityTicks), TimeSpan.Zero);

    public bool IsBusy => Volatile.Read(ref _activeRequests) > 0;

    public void Start() => _run = Server.RunAsync(_closed.Token);

    /// <summary>The spec allows one standalone GET stream per session; a second one is refused.</summary>
    public bool TryStartGetStream() => Interlocked.Exchange(ref _getStreamStarted, 1) == 0;

    /// <summary>
    /// Marks the session busy for the length of a request so neither the idle sweep nor the session cap evicts
    /// it. Taken by <see cref="McpHttpSessionStore"/> under its lock, so a session found is a session kept.
    /// </summary>
    public IDisposable Use()
    {
        Interlocked.Increment(ref _activeRequests);
        Touch();
        return new Lease(this);
    }

    public bool IsIdleSince(DateTimeOffset cutoff) => !IsBusy && Volatile.Read(ref _lastActivityTicks) < cutoff.UtcTicks;

    /// <summary>
    /// A token that ends the POST carrying request <paramref name="id"/> when the client cancels that request
    /// (<c>notifications/cancelled</c>), so its stream closes instead of waiting for an answer that the spec
    /// says should not come. Dispose the registration when the POST ends.
    /// </summary>
    public IDisposable TrackPost(RequestId id, CancellationTokenSource post)
    {
        _openPosts[id] = post;
        return new PostRegistration(this, id, post);
    }

    /// <summary>Ends the POST still waiting on request <paramref name="id"/>; false when none is.</summary>
    public bool EndCancelledPost(RequestId id)
    {
        if (!_openPosts.TryRemove(id, out var post))
        {
            return false;
        }

        post.Cancel();
        return true;
    }

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

    private sealed class PostRegistration(McpHttpSession session, RequestId id, CancellationTokenSource post) : IDisposable
    {
        // Only this POST's entry: a client may reuse a request id once the earlier request has finished.
        public void Dispose() => session._openPosts.TryRemove(new KeyValuePair<RequestId, CancellationTokenSource>(id, post));
    }
}
