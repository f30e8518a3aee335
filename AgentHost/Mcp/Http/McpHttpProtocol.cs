using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace AgentHost.Mcp.Http;

/// <summary>
/// The HTTP-level rules of the Streamable HTTP transport that the SDK's transport class leaves to the web
/// framework: header names, supported revisions, content negotiation, SSE response headers and the JSON-RPC
/// error bodies that go with 4xx answers. Mirrors the SDK's own StreamableHttpHandler.
/// </summary>
internal static class McpHttpProtocol
{
    public const string SessionIdHeader = "Mcp-Session-Id";
    public const string ProtocolVersionHeader = "MCP-Protocol-Version";

    /// <summary>The revisions the 2.3.1 server speaks; any other header value is a 400, as the spec requires.</summary>
    public static readonly IReadOnlySet<string> SupportedProtocolVersions = new HashSet<string>(StringComparer.Ordinal)
    {
        "2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25", "2026-07-28",
    };

    /// <summary>The first revision without sessions or the initialize handshake (SEP-2567, SEP-2575).</summary>
    private const string FirstPerRequestRevision = "2026-07-28";

    /// <summary>
    /// What the spec tells a server to assume when a request carries no <c>MCP-Protocol-Version</c> header and
    /// nothing else (a session) says which revision is in use.
    /// </summary>
    public const string AssumedProtocolVersion = "2025-03-26";

    /// <summary>
    /// The largest POST body <c>/mcp</c> reads. The largest legitimate message is a <c>tools/call</c> of
    /// <c>create_ticket</c> or <c>update_ticket</c>: a 20,000-character description plus a 255-character title. Worst
    /// case every character is a control character JSON escapes as <c>\u0001</c> (6 bytes), about 122 KB with the
    /// envelope; plain text is 20-60 KB. 1 MiB is eight times the worst case and keeps a 40 MB upload from ever being
    /// buffered (it is refused with 413 from its Content-Length, or as soon as a chunked body passes the limit).
    /// </summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    public static readonly JsonTypeInfo<JsonRpcMessage> MessageTypeInfo =
        (JsonTypeInfo<JsonRpcMessage>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcMessage));

    private static readonly JsonTypeInfo<JsonRpcError> ErrorTypeInfo =
        (JsonTypeInfo<JsonRpcError>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcError));

    /// <summary>A missing header is fine (older clients, the initialize request); an unknown one is not.</summary>
    public static bool TryGetProtocolVersion(HttpContext context, out string? version)
    {
        version = context.Request.Headers[ProtocolVersionHeader].ToString();
        if (version.Length == 0)
        {
            version = null;
            return true;
        }

        return SupportedProtocolVersions.Contains(version);
    }

    /// <summary>
    /// True for the 2026-07-28 revision and later, which has no sessions: such requests are served one by one,
    /// whatever the server's session mode. Recognised by the header or, failing that, the per-request _meta.
    /// </summary>
    public static bool IsPerRequestRevision(string? headerVersion, JsonRpcMessage? message = null)
    {
        var version = headerVersion ?? MetaProtocolVersion(message);
        return version is not null && string.CompareOrdinal(version, FirstPerRequestRevision) >= 0;
    }

    private static string? MetaProtocolVersion(JsonRpcMessage? message) =>
        message is JsonRpcRequest { Params: JsonObject parameters }
        && parameters["_meta"] is JsonObject meta
        && meta["io.modelcontextprotocol/protocolVersion"] is JsonValue value
        && value.TryGetValue<string>(out var version)
            ? version
            : null;

    public static bool AcceptsJsonAndEventStream(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        return accept.Any(a => a.MatchesMediaType("application/json")) && AcceptsEventStream(request);
    }

    public static bool AcceptsEventStream(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MatchesMediaType("text/event-stream"));

    public static bool HasJsonContentType(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
        && contentType.MatchesMediaType("application/json");

    public static void StartEventStream(HttpContext context)
    {
        context.Response.Headers.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache,no-store";
        // No compression and no proxy buffering: each SSE event must reach the client when it is written.
        context.Response.Headers.ContentEncoding = "identity";
        context.Response.Headers["X-Accel-Buffering"] = "no";
        context.Features.GetRequiredFeature<IHttpResponseBodyFeature>().DisableBuffering();
    }

    /// <summary>
    /// JSON-RPC batches (a JSON array of messages) exist only in the 2025-03-26 revision: it added them and
    /// 2025-06-18 removed them again.
    /// </summary>
    public static bool AllowsBatches(string protocolVersion) =>
        string.Equals(protocolVersion, AssumedProtocolVersion, StringComparison.Ordinal);

    /// <summary>
    /// A 4xx answer with a JSON-RPC error body, as the SDK writes them, so that MCP clients can show the reason.
    /// -32000 is the generic server error; -32001 is what SDKs use for "session not found".
    /// </summary>
    public static Task WriteErrorAsync(HttpContext context, int statusCode, string message, int code = -32000, RequestId id = default) =>
        Error(statusCode, message, code, id).ExecuteAsync(context);

    /// <inheritdoc cref="WriteErrorAsync"/>
    public static IResult Error(int statusCode, string message, int code = -32000, RequestId id = default) =>
        Results.Json(new JsonRpcError { Id = id, Error = new JsonRpcErrorDetail { Code = code, Message = message } }, ErrorTypeInfo, statusCode: statusCode);
}
