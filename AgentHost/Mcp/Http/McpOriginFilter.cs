using System.Net;

namespace AgentHost.Mcp.Http;

/// <summary>
/// Keeps web pages away from the MCP endpoint (the spec's defence against DNS rebinding: a page in the
/// user's browser must not be able to drive a local MCP server).
/// <list type="bullet">
/// <item>Origin, as the SDK's OriginValidationEndpointFilter: no <c>Origin</c> header (SDK clients, curl) passes;
/// loopback origins, the server's own host and port, and origins in <c>MCP_ALLOWED_ORIGINS</c> pass; anything
/// else is 403.</item>
/// <item>Host, as the SDK's DnsRebindingProtectionMiddleware: on a loopback connection the <c>Host</c> header must
/// name loopback too. Otherwise a rebound name (evil.example resolving to 127.0.0.1) would make the page's
/// origin equal the request's host and pass the same-origin rule above.</item>
/// </list>
/// </summary>
internal sealed class McpOriginFilter(McpServerSettings settings, ILogger<McpOriginFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var request = http.Request;
        if (IsLoopback(http.Connection.LocalIpAddress) && !IsLoopbackName(request.Host.Host))
        {
            logger.LogWarning("Rejected MCP request for host {Host} on a loopback connection (possible DNS rebinding)", request.Host.Host);
            return McpHttpProtocol.Error(StatusCodes.Status403Forbidden,
                $"Forbidden: Host '{request.Host.Host}' is not a loopback name; this server answers loopback requests only as localhost, 127.0.0.1 or [::1].");
        }

        string? origin = request.Headers.Origin;
        if (!string.IsNullOrEmpty(origin) && !IsAllowed(request, origin))
        {
            logger.LogWarning("Rejected MCP request from origin {Origin}", origin);
            return McpHttpProtocol.Error(StatusCodes.Status403Forbidden,
                $"Forbidden: origin '{origin}' is not allowed to use this MCP server. Allowed: loopback origins, this server's own origin, and those in MCP_ALLOWED_ORIGINS.");
        }

        return await next(context);
    }

    private bool IsAllowed(HttpRequest request, string origin)
    {
        if (settings.AllowedOrigins.Contains(origin, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            return false;
        }

        // Loopback pages (a dev server on localhost:5173, the MCP Inspector) are the user's own.
        if (IsLoopbackName(uri.Host))
        {
            return true;
        }

        // Same host and port as the request: the page was served by this server. Scheme is not compared because
        // a TLS-terminating proxy leaves the request on http while the browser's origin says https.
        var host = request.Host;
        if (host.Host.Length == 0 || !string.Equals(host.Host, uri.Host, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var requestPort = host.Port ?? (request.IsHttps ? 443 : 80);
        return requestPort == uri.Port;
    }

    // No local address means an in-memory server (TestServer): treat it like loopback, as the SDK does.
    private static bool IsLoopback(IPAddress? address) => address is null || IPAddress.IsLoopback(address);

    private static bool IsLoopbackName(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
