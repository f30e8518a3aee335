using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AgentHost.Mcp.Http;

/// <summary>
/// The Streamable HTTP transport on <c>/mcp</c>, built by hand on the SDK's public
/// <see cref="StreamableHttpServerTransport"/> because ModelContextProtocol.AspNetCore (MapMcp) is not available
/// here. Behaviour follows the SDK's StreamableHttpHandler: sessions for clients that use the initialize
/// handshake, one-request servers for the 2026-07-28 revision and for stateless mode, SSE answers (or a single
/// JSON body when configured), and the same status codes and JSON-RPC error bodies.
/// </summary>
/// <remarks>
/// The handlers write to the response themselves instead of returning <c>TypedResults</c>: the transport
/// streams SSE events into the body while the request runs.
/// </remarks>
internal sealed class McpHttpHandler(
    TicketMcpServerFactory serverFactory,
    McpHttpSessionStore sessions,
    IHostApplicationLifetime lifetime,
    ILoggerFactory loggerFactory)
{
    private readonly McpHttpSessionHandshake _handshake = new(serverFactory, sessions, loggerFactory);

    private McpServerSettings Settings => serverFactory.Settings;

    public async Task PostAsync(HttpContext context)
    {
        if (!McpHttpProtocol.TryGetProtocolVersion(context, out var version))
        {
            await UnsupportedVersionAsync(context);
            return;
        }

        // The spec says the client MUST accept both; like the SDK we hold clients to it.
        if (!McpHttpProtocol.AcceptsJsonAndEventStream(context.Request))
        {
            await McpHttpProtocol.WriteErrorAsync(context, StatusCodes.Status406NotAcceptable,
                "Not Acceptable: Client must accept both application/json and text/event-stream");
            return;
        }

        if (!McpHttpProtocol.HasJsonContentType(context.Request))
        {
            await McpHttpProtocol.WriteErrorAsync(context, StatusCodes.Status415UnsupportedMediaType,
                "Unsupported Media Type: the body must be a JSON-RPC message sent as application/json");
            return;
        }

        if (await McpHttpRequestBody.ReadAsync(context) is not { } body)
        {
            return;
        }

        foreach (var message in body.Messages)
        {
            message.Context ??= new JsonRpcMessageContext();
            // The server compares the header with the request's _meta and uses it to pick protocol semantics.
            message.Context.ProtocolVersion = version;
            // Who sent this very request: a session outlives the request that opened it, so each message carries its
            // own sender and tool calls act as them (McpActing).
            message.Context.User = context.User;
            InitializeVersionNegotiation.PinUnknownVersion(message);
        }

        var sessionId = context.Request.Headers[McpHttpProtocol.SessionIdHeader].ToString();
        if (Settings.Stateless || (sessionId.Length == 0 && McpHttpProtocol.IsPerRequestRevision(version, body.Messages[0])))
        {
            if (sessionId.Length > 0)
            {
                await McpHttpProtocol.WriteErrorAsync(context, StatusCodes.Status400BadRequest,
                    "Bad Request: The Mcp-Session-Id header is not supported in stateless mode");
                return;
            }

            if (await body.RefusedAsBatchAsync(context, version ?? McpHttpProtocol.AssumedProtocolVersion))
            {
                return;
            }

            await ServeWithoutSessionAsync(context, body);
            return;
        }

        if (sessionId.Length == 0)
        {
            await _handshake.StartSessionAsync(context, body);
            return;
        }

        if (await sessions.AcquireAsync(sessionId) is not ({ } session, { } lease))
        {
            await SessionNotFoundAsync(context);
            return;
        }

        using (lease)
        {
            // Without the header, the revision the session negotiated says whether batches exist.
            if (await body.RefusedAsBatchAsync(context, version ?? session.NegotiatedProtocolVersion ?? McpHttpProtocol.AssumedProtocolVersion))
            {
                return;
            }

            context.Response.Headers[McpHttpProtocol.SessionIdHeader] = session.Id;
            await new McpHttpResponder(context, session.Transport, session, Settings.JsonResponse).RespondAsync(body);
            // Now that the server has the notification too (and has cancelled the tool call).
            foreach (var cancelled in body.CancelledRequestIds())
            {
                session.EndCancelledPost(cancelled);
            }
        }
    }

    public async Task GetAsync(HttpContext context)
    {
        if (await RefusedForLackOfSessionsAsync(context, "GET"))
        {
            return;
        }

        if (!McpHttpProtocol.AcceptsEventStream(context.Request))
        {
            await McpHttpProtocol.WriteErrorAsync(context, StatusCodes.Status406NotAcceptable,
                "Not Acceptable: Client must accept text/event-stream");
            return;
        }

        if (await FindSessionAsync(context, context.Request.Headers[McpHttpProtocol.SessionIdHeader].ToString()) is not ({ } session, { } lease))
        {
            return;
        }

        using var _ = lease;

        // No event store: streams cannot be replayed, so a resume request is refused (as the SDK does without one)
        // rather than answered with a fresh stream that would silently skip the missed events.
        if (context.Request.Headers.ContainsKey("Last-Event-ID"))
        {
            await McpHttpProtocol.WriteErrorAsync(context, StatusCodes.Status400BadRequest,
                "Bad Request: This server does not support resuming streams.");
            return;
        }

        if (!session.TryStartGetStream())
        {
            await McpHttpProtocol.WriteErrorAsync(context, StatusCodes.Status400BadRequest,
                "Bad Request: This server does not support multiple GET requests. Start a new session to get a new GET SSE response.");
            return;
        }

        // The stream ends when the client goes away, the session is closed, or the host shuts down: a GET
        // stream must not hold up a graceful shutdown. The session's own token covers a DELETE that lands before
        // the transport has started writing this stream.
        using var streamCts = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping, session.Closed);
        context.Response.Headers[McpHttpProtocol.SessionIdHeader] = session.Id;
        McpHttpProtocol.StartEventStream(context);
        try
        {
            // Flush now so the client sees 200 before the first (possibly much later) server message.
            await context.Response.Body.FlushAsync(streamCts.Token);
            await session.Transport.HandleGetRequestAsync(context.Response.Body, streamCts.Token);
        }
        catch (OperationCanceledException) when (streamCts.IsCancellationRequested)
        {
            // A client closing its SSE stream is how such streams normally end.
        }
    }

    public async Task DeleteAsync(HttpContext context)
    {
        if (await RefusedForLackOfSessionsAsync(context, "DELETE"))
        {
            return;
        }

        var sessionId = context.Request.Headers[McpHttpProtocol.SessionIdHeader].ToString();
        if (sessionId.Length == 0)
        {
            await McpHttpProtocol.WriteErrorAsync(context, StatusCodes.Status400BadRequest,
                "Bad Request: Mcp-Session-Id header is required");
            return;
        }

        // Looked up first so that an expired session is reported as gone (404), like any other request for it.
        if (await sessions.AcquireAsync(sessionId) is not ({ }, { } lease))
        {
            await SessionNotFoundAsync(context);
            return;
        }

        lease.Dispose();
        if (!await sessions.CloseAsync(sessionId))
        {
            await SessionNotFoundAsync(context);
        }
    }

    /// <summary>
    /// GET and DELETE only make sense with sessions: refuses them (and answers) in stateless mode, for the
    /// sessionless 2026-07-28 revision, and for an unsupported protocol version. True when it answered.
    /// </summary>
    private async Task<bool> RefusedForLackOfSessionsAsync(HttpContext context, string method)
    {
        if (!McpHttpProtocol.TryGetProtocolVersion(context, out var version))
        {
            await UnsupportedVersionAsync(context);
            return true;
        }

        if (Settings.Stateless || McpHttpProtocol.IsPerRequestRevision(version))
        {
            context.Response.Headers.Allow = "POST";
            await McpHttpProtocol.WriteErrorAsync(context, StatusCodes.Status405MethodNotAllowed,
                $"Method Not Allowed: {method} needs a session, and this request has none (stateless mode or protocol revision 2026-07-28 and later). Use POST.");
            return true;
        }

        return false;
    }

    /// <summary>
    /// Serves one POST with a server that lives only as long as the request: stateless mode, and every request
    /// of the 2026-07-28 revision (which has no sessions at all).
    /// </summary>
    private async Task ServeWithoutSessionAsync(HttpContext context, McpHttpRequestBody body)
    {
        var transport = new StreamableHttpServerTransport(loggerFactory) { Stateless = true };
        await using var server = serverFactory.Create(transport, context.RequestServices);
        var run = server.RunAsync(context.RequestAborted);
        try
        {
            await new McpHttpResponder(context, transport, session: null, Settings.JsonResponse).RespondAsync(body);
        }
        finally
        {
            // Completing the transport ends RunAsync; it is awaited here, never left running.
            await transport.DisposeAsync();
            try
            {
                await run;
            }
            catch (OperationCanceledException)
            {
                // The client went away mid-request.
            }
        }
    }

    /// <summary>The session, marked in use until the lease is disposed; null when it has answered 400/404.</summary>
    private async Task<(McpHttpSession Session, IDisposable Lease)?> FindSessionAsync(HttpContext context, string sessionId)
    {
        if (sessionId.Length == 0)
        {
            await McpHttpProtocol.WriteErrorAsync(context, StatusCodes.Status400BadRequest,
                "Bad Request: Mcp-Session-Id header is required");
            return null;
        }

        if (await sessions.AcquireAsync(sessionId) is { } found)
        {
            return found;
        }

        await SessionNotFoundAsync(context);
        return null;
    }

    // 404 tells a client its session is gone (deleted, expired, or the host restarted) and that it should
    // initialize again; -32001 is the code the TypeScript and C# SDKs use for it.
    private static Task SessionNotFoundAsync(HttpContext context) =>
        McpHttpProtocol.WriteErrorAsync(context, StatusCodes.Status404NotFound, "Session not found", -32001);

    private static Task UnsupportedVersionAsync(HttpContext context) =>
        McpHttpProtocol.WriteErrorAsync(context, StatusCodes.Status400BadRequest,
            $"Bad Request: The MCP-Protocol-Version header value '{context.Request.Headers[McpHttpProtocol.ProtocolVersionHeader]}' is not supported. " +
            $"Supported: {string.Join(", ", McpHttpProtocol.SupportedProtocolVersions)}.");
}
