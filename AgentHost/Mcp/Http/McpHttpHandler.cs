using System.Net.ServerSentEvents;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
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

        var message = await ReadMessageAsync(context);
        if (message is null)
        {
            return;
        }

        message.Context ??= new JsonRpcMessageContext();
        // The server compares the header with the request's _meta and uses it to pick protocol semantics.
        message.Context.ProtocolVersion = version;

        var sessionId = context.Request.Headers[McpHttpProtocol.SessionIdHeader].ToString();
        if (Settings.Stateless || (sessionId.Length == 0 && McpHttpProtocol.IsPerRequestRevision(version, message)))
        {
            if (sessionId.Length > 0)
            {
                await McpHttpProtocol.WriteErrorAsync(context, StatusCodes.Status400BadRequest,
                    "Bad Request: The Mcp-Session-Id header is not supported in stateless mode");
                return;
            }

            await ServeWithoutSessionAsync(context, message);
            return;
        }

        var session = await GetOrStartSessionAsync(context, sessionId, message);
        if (session is null)
        {
            return;
        }

        context.Response.Headers[McpHttpProtocol.SessionIdHeader] = session.Id;
        using (session.Use())
        {
            await RespondAsync(context, message,
                (body, cancellationToken) => session.Transport.HandlePostRequestAsync(message, body, cancellationToken));
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

        var session = await FindSessionAsync(context, context.Request.Headers[McpHttpProtocol.SessionIdHeader].ToString());
        if (session is null)
        {
            return;
        }

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

        // The stream ends when the client goes away, the session is deleted, or the host shuts down: a GET
        // stream must not hold up a graceful shutdown.
        using var streamCts = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        context.Response.Headers[McpHttpProtocol.SessionIdHeader] = session.Id;
        using (session.Use())
        {
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

    private static async Task<JsonRpcMessage?> ReadMessageAsync(HttpContext context)
    {
        try
        {
            var message = await context.Request.ReadFromJsonAsync(McpHttpProtocol.MessageTypeInfo, context.RequestAborted);
            if (message is null)
            {
                await McpHttpProtocol.WriteErrorAsync(context, StatusCodes.Status400BadRequest,
                    "Bad Request: The POST body did not contain a valid JSON-RPC message.", -32600);
            }

            return message;
        }
        catch (JsonException exception)
        {
            // Malformed JSON, a batch array, or an object that is not a JSON-RPC request, notification or response.
            await McpHttpProtocol.WriteErrorAsync(context, StatusCodes.Status400BadRequest,
                $"Bad Request: The POST body did not contain a valid JSON-RPC message. {exception.Message}", -32700);
            return null;
        }
    }

    /// <summary>The request's session, or a new one for an initialize request; null when it has answered 400/404.</summary>
    private async Task<McpHttpSession?> GetOrStartSessionAsync(HttpContext context, string sessionId, JsonRpcMessage message)
    {
        if (sessionId.Length > 0)
        {
            return await FindSessionAsync(context, sessionId);
        }

        if (message is not JsonRpcRequest { Method: RequestMethods.Initialize })
        {
            await McpHttpProtocol.WriteErrorAsync(context, StatusCodes.Status400BadRequest,
                "Bad Request: A new session can only be created by an initialize request. " +
                "Include a valid Mcp-Session-Id header for non-initialize requests.");
            return null;
        }

        return await StartSessionAsync();
    }

    private async Task<McpHttpSession> StartSessionAsync()
    {
        var sessionId = NewSessionId();
        var transport = new StreamableHttpServerTransport(loggerFactory) { SessionId = sessionId };
        // Application services, not the request's: the session outlives the initialize request.
        var session = new McpHttpSession(sessionId, transport, serverFactory.Create(transport), sessions.Time);
        session.Start();
        await sessions.AddAsync(session);
        return session;
    }

    /// <summary>
    /// Serves one POST with a server that lives only as long as the request: stateless mode, and every request
    /// of the 2026-07-28 revision (which has no sessions at all).
    /// </summary>
    private async Task ServeWithoutSessionAsync(HttpContext context, JsonRpcMessage message)
    {
        var transport = new StreamableHttpServerTransport(loggerFactory) { Stateless = true };
        await using var server = serverFactory.Create(transport, context.RequestServices);
        var run = server.RunAsync(context.RequestAborted);
        try
        {
            await RespondAsync(context, message,
                (body, cancellationToken) => transport.HandlePostRequestAsync(message, body, cancellationToken));
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

    /// <summary>
    /// Lets the transport answer the POST: as an SSE stream (the SDK's way), or, in JSON-response mode, as the
    /// one JSON-RPC reply to the request. A POST carrying only a notification or a response gets 202 and no body.
    /// </summary>
    private async Task RespondAsync(HttpContext context, JsonRpcMessage message, Func<Stream, CancellationToken, Task<bool>> handle)
    {
        var cancellationToken = context.RequestAborted;
        if (!Settings.JsonResponse)
        {
            McpHttpProtocol.StartEventStream(context);
            if (!await handle(context.Response.Body, cancellationToken))
            {
                context.Response.Headers.ContentType = (string?)null;
                context.Response.StatusCode = StatusCodes.Status202Accepted;
            }

            return;
        }

        // JSON mode: collect the transport's SSE output and send back only the reply to this request; progress
        // notifications written before it have no place in a single JSON body.
        using var buffer = new MemoryStream();
        if (!await handle(buffer, cancellationToken) || FindReply(buffer, message) is not { } reply)
        {
            context.Response.StatusCode = StatusCodes.Status202Accepted;
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(reply, cancellationToken);
    }

    private static string? FindReply(MemoryStream sse, JsonRpcMessage message)
    {
        if (message is not JsonRpcRequest request)
        {
            return null;
        }

        sse.Position = 0;
        foreach (var item in SseParser.Create(sse).Enumerate())
        {
            if (item.Data.Length == 0)
            {
                continue;
            }

            var candidate = JsonSerializer.Deserialize(item.Data, McpHttpProtocol.MessageTypeInfo);
            if (candidate is JsonRpcResponse or JsonRpcError && ((JsonRpcMessageWithId)candidate).Id == request.Id)
            {
                return item.Data;
            }
        }

        return null;
    }

    private async Task<McpHttpSession?> FindSessionAsync(HttpContext context, string sessionId)
    {
        if (sessionId.Length == 0)
        {
            await McpHttpProtocol.WriteErrorAsync(context, StatusCodes.Status400BadRequest,
                "Bad Request: Mcp-Session-Id header is required");
            return null;
        }

        if (sessions.TryGet(sessionId, out var session))
        {
            return session;
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

    private static string NewSessionId()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        return WebEncoders.Base64UrlEncode(bytes);
    }
}
