using System.Net;

namespace TicketApi.Http;

/// <summary>
/// The one rule for which browser requests may use endpoints that act on a person's behalf (<c>/chat</c>,
/// <c>/mcp</c>) and which origins may read responses across origins (CORS on those and the REST API).
/// Requests without a browser origin (curl, the CLI, MCP clients) pass. docs/chat-sse.md, "Browsers".
/// <list type="bullet">
/// <item>Host: the <c>Host</c> header must be a loopback name or one of <c>ALLOWED_HOSTS</c>, whatever the bind.
/// Otherwise a rebound name (evil.example resolving to this server) would make a page's origin equal the
/// request's host and pass the same-origin rule.</item>
/// <item>Origin: loopback origins (the person's own dev server, the MCP Inspector), this server's own origin and
/// the configured origins pass; any other, including <c>null</c>, is refused.</item>
/// <item>No Origin: an iframe or a navigation sends none, but does send <c>Sec-Fetch-Site</c>; <c>cross-site</c>
/// and <c>same-site</c> are refused, so another site cannot drive the endpoint by framing or linking it.</item>
/// </list>
/// </summary>
public sealed class BrowserOriginRule(BrowserOriginSettings settings)
{
    /// <summary>Why the request must be refused, in a sentence for the 403 body; null when it may proceed.</summary>
    public string? RefusalOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var host = request.Host.Host;
        if (!IsAllowedHost(host))
        {
            return $"Host '{host}' is not a loopback name or one of ALLOWED_HOSTS; this server answers only as localhost, 127.0.0.1, [::1] or a configured name (protection against DNS rebinding).";
        }

        string? origin = request.Headers.Origin;
        if (!string.IsNullOrEmpty(origin))
        {
            return IsAllowedOrigin(request, origin) ? null
                : $"Origin '{origin}' is not allowed here. Allowed: loopback origins, this server's own origin, and those in CORS_ALLOWED_ORIGINS.";
        }

        string? site = request.Headers["Sec-Fetch-Site"];
        return site is "cross-site" or "same-site"
            ? $"A {site} page may not use this endpoint (Sec-Fetch-Site: {site}); call it from this server's own pages or an origin in CORS_ALLOWED_ORIGINS."
            : null;
    }

    public bool IsAllowedHost(string host) =>
        IsLoopbackName(host) || settings.AllowedHosts.Contains(host, StringComparer.OrdinalIgnoreCase);

    /// <summary>May a page of <paramref name="origin"/> read this server's responses (CORS)? Same-origin pages need no CORS.</summary>
    public bool IsAllowedCrossOrigin(string origin) =>
        BrowserOriginSettings.TryNormaliseOrigin(origin) is { } normalised
        && (settings.AllowedOrigins.Contains(normalised, StringComparer.Ordinal) || IsLoopbackName(new Uri(normalised).Host));

    private bool IsAllowedOrigin(HttpRequest request, string origin)
    {
        if (IsAllowedCrossOrigin(origin))
        {
            return true;
        }

        // Same host and port as the request: the page was served by this server. Scheme is not compared because
        // a TLS-terminating proxy leaves the request on http while the browser's origin says https; for the same
        // reason a Host without a port matches an origin on its scheme's default port (80 or 443).
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || request.Host.Host.Length == 0
            || !string.Equals(request.Host.Host, uri.Host, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return request.Host.Port is { } port ? port == uri.Port : uri.IsDefaultPort;
    }

    private static bool IsLoopbackName(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
