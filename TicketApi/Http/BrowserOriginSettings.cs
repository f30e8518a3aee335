namespace TicketApi.Http;

/// <summary>
/// Which browser origins and host names the services accept, from the environment (docs/chat-sse.md,
/// "Browsers"). Read once at start; a malformed entry stops the host with a message naming it.
/// </summary>
/// <param name="AllowedOrigins"><c>CORS_ALLOWED_ORIGINS</c> (and, for the MCP endpoint's older name,
/// <c>MCP_ALLOWED_ORIGINS</c>): comma-separated origins such as <c>https://desk.example.com</c>, normalised to
/// <c>scheme://host[:port]</c> in lower case.</param>
/// <param name="AllowedHosts"><c>ALLOWED_HOSTS</c>: comma-separated host names (no port) this server answers to
/// besides the loopback names, e.g. the public name of a host bound beyond loopback.</param>
public sealed record BrowserOriginSettings(IReadOnlyList<string> AllowedOrigins, IReadOnlyList<string> AllowedHosts)
{
    public static BrowserOriginSettings FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var origins = List(configuration["CORS_ALLOWED_ORIGINS"]).Concat(List(configuration["MCP_ALLOWED_ORIGINS"]))
            .Select(NormaliseOrigin)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var hosts = List(configuration["ALLOWED_HOSTS"]).Select(CheckHost).ToList();
        return new BrowserOriginSettings(origins, hosts);
    }

    /// <summary><c>scheme://host[:port]</c> in lower case, the default port left out, as browsers send <c>Origin</c>; null when it is not an origin.</summary>
    public static string? TryNormaliseOrigin(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || uri.Host.Length == 0 || uri.PathAndQuery != "/" || uri.UserInfo.Length > 0 || uri.Fragment.Length > 0)
        {
            return null;
        }

        return uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
    }

    private static string NormaliseOrigin(string text) =>
        TryNormaliseOrigin(text) ?? throw new InvalidOperationException(
            $"CORS_ALLOWED_ORIGINS/MCP_ALLOWED_ORIGINS entry '{text}' is not an origin; write scheme://host[:port], e.g. https://desk.example.com.");

    private static string CheckHost(string text) =>
        Uri.CheckHostName(text) != UriHostNameType.Unknown ? text.ToLowerInvariant() : throw new InvalidOperationException(
            $"ALLOWED_HOSTS entry '{text}' is not a host name; write names without scheme or port, e.g. desk.example.com.");

    private static string[] List(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
