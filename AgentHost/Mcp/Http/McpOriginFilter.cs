namespace AgentHost.Mcp.Http;

/// <summary>
/// Rejects browser requests from foreign origins (the spec's defence against DNS rebinding: a web page must
/// not be able to drive a local MCP server). Same rule as the SDK's OriginValidationEndpointFilter: no
/// <c>Origin</c> header (SDK clients, curl) passes; loopback origins, the server's own host and port, and
/// origins listed in <c>MCP_ALLOWED_ORIGINS</c> pass; anything else is 403.
/// </summary>
internal sealed class McpOriginFilter(McpServerSettings settings, ILogger<McpOriginFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        string? origin = http.Request.Headers.Origin;
        if (!string.IsNullOrEmpty(origin) && !IsAllowed(http.Request, origin))
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
        if (uri.IsLoopback)
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
}
