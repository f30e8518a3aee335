using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.WebUtilities;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AgentHost.Mcp.Http;

/// <summary>Starts sessions on <c>/mcp</c>: the initialize POST that carries no <c>Mcp-Session-Id</c>.</summary>
internal sealed class McpHttpSessionHandshake(
    TicketMcpServerFactory serverFactory,
    McpHttpSessionStore sessions,
    ILoggerFactory loggerFactory)
{
    private static readonly JsonTypeInfo<InitializeRequestParams> InitializeParamsTypeInfo =
        (JsonTypeInfo<InitializeRequestParams>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(InitializeRequestParams));

    /// <summary>
    /// The initialize handshake (docs/mcp.md, "Sessions"): a new session is registered (within the session cap)
    /// before the server answers, so the client can use it as soon as it reads the id, and closed again when the
    /// handshake fails, so a bad initialize leaves nothing behind and its error carries no session id.
    /// </summary>
    public async Task StartSessionAsync(HttpContext context, McpHttpRequestBody body)
    {
        if (body.IsBatch || body.Messages[0] is not JsonRpcRequest { Method: RequestMethods.Initialize } initialize)
        {
            await McpHttpProtocol.WriteErrorAsync(context, StatusCodes.Status400BadRequest,
                "Bad Request: A new session can only be created by an initialize request, sent on its own. " +
                "Include a valid Mcp-Session-Id header for non-initialize requests.");
            return;
        }

        // The transport reads these parameters before the server does and would throw on bad ones (a 500).
        if (!HasValidInitializeParameters(initialize))
        {
            await McpHttpProtocol.WriteErrorAsync(context, StatusCodes.Status400BadRequest,
                "Invalid params: initialize needs protocolVersion (a string), capabilities and clientInfo (name and version).",
                -32602, initialize.Id);
            return;
        }

        var sessionId = NewSessionId();
        var transport = new StreamableHttpServerTransport(loggerFactory) { SessionId = sessionId };
        // Application services, not the request's: the session outlives the initialize request.
        var session = new McpHttpSession(sessionId, transport, serverFactory.Create(transport), sessions.Time);
        session.Start();
        if (await sessions.TryAddAsync(session) is not { } lease)
        {
            await session.DisposeAsync();
            context.Response.Headers.RetryAfter = "5";
            await McpHttpProtocol.WriteErrorAsync(context, StatusCodes.Status503ServiceUnavailable,
                "Service Unavailable: every MCP session this server keeps (MCP_MAX_SESSIONS) is busy. Try again shortly.",
                id: initialize.Id);
            return;
        }

        using (lease)
        {
            context.Response.Headers[McpHttpProtocol.SessionIdHeader] = sessionId;
            var responder = new McpHttpResponder(context, transport, session, serverFactory.Settings.JsonResponse)
            {
                BeforeAnswer = isError =>
                {
                    if (isError)
                    {
                        context.Response.Headers.Remove(McpHttpProtocol.SessionIdHeader);
                    }
                },
            };
            await responder.RespondAsync(body);
        }

        if (session.NegotiatedProtocolVersion is null)
        {
            await sessions.CloseAsync(sessionId);
        }
    }

    private static bool HasValidInitializeParameters(JsonRpcRequest initialize)
    {
        try
        {
            return initialize.Params.Deserialize(InitializeParamsTypeInfo) is not null;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string NewSessionId()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        return WebEncoders.Base64UrlEncode(bytes);
    }
}
