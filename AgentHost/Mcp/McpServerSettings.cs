using System.Globalization;

namespace AgentHost.Mcp;

/// <summary>
/// How the MCP server behaves, read from the environment so the same binary serves a desktop assistant
/// (stdio) and the HTTP endpoint without code changes. The HTTP contract these feed is docs/mcp.md.
/// </summary>
/// <param name="ReadOnly"><c>MCP_READ_ONLY</c>: write tools are neither listed nor callable.</param>
/// <param name="Stateless"><c>MCP_HTTP_STATELESS</c>: no sessions on <c>/mcp</c>; every POST stands alone,
/// GET and DELETE answer 405.</param>
/// <param name="JsonResponse"><c>MCP_HTTP_JSON_RESPONSE</c>: answer POSTs with one <c>application/json</c>
/// body instead of an SSE stream (for proxies that buffer streams).</param>
/// <param name="AllowedOrigins"><c>MCP_ALLOWED_ORIGINS</c>: comma-separated browser origins allowed besides
/// loopback and the server's own host.</param>
public sealed record McpServerSettings(
    bool ReadOnly,
    bool Stateless,
    bool JsonResponse,
    IReadOnlyList<string> AllowedOrigins)
{
    /// <summary>
    /// A thousand sessions hold about 13 MB of managed heap (measured: ~13 KB each, the SDK server, its options and
    /// channels; 5,000 uncapped abandoned initializes grew the heap by 62 MB). A helpdesk has a handful of
    /// assistants connected, so this is generous for people and small for a flood.
    /// </summary>
    public const int DefaultMaxSessions = 1000;

    /// <summary>
    /// Long enough for an assistant left open over a meeting; a client that comes back later gets 404 and, as
    /// the spec requires of it, initializes again. The SDK's own default (2 hours) kept abandoned sessions too long.
    /// </summary>
    public static readonly TimeSpan DefaultSessionIdleTimeout = TimeSpan.FromMinutes(30);

    public static McpServerSettings Default { get; } = new(false, false, false, []);

    /// <summary><c>MCP_MAX_SESSIONS</c>: live HTTP sessions at most; a new one evicts the least recently used idle one.</summary>
    public int MaxSessions { get; init; } = DefaultMaxSessions;

    /// <summary><c>MCP_SESSION_IDLE_TIMEOUT</c> (hh:mm:ss): an HTTP session unused this long is closed.</summary>
    public TimeSpan SessionIdleTimeout { get; init; } = DefaultSessionIdleTimeout;

    public static McpServerSettings FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new McpServerSettings(
            ReadOnly: IsTrue(configuration["MCP_READ_ONLY"]),
            Stateless: IsTrue(configuration["MCP_HTTP_STATELESS"]),
            JsonResponse: IsTrue(configuration["MCP_HTTP_JSON_RESPONSE"]),
            AllowedOrigins: (configuration["MCP_ALLOWED_ORIGINS"] ?? "")
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            MaxSessions = MaxSessionsFrom(configuration["MCP_MAX_SESSIONS"]),
            SessionIdleTimeout = IdleTimeoutFrom(configuration["MCP_SESSION_IDLE_TIMEOUT"]),
        };
    }

    // "1", "true", "yes" and "on" all mean on: people write all four in .env files.
    private static bool IsTrue(string? value) =>
        value?.Trim().ToLowerInvariant() is "1" or "true" or "yes" or "on";

    private static int MaxSessionsFrom(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return DefaultMaxSessions;
        }

        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var max) && max >= 1
            ? max
            : throw new InvalidOperationException($"MCP_MAX_SESSIONS '{text}' is not a whole number of at least 1.");
    }

    private static TimeSpan IdleTimeoutFrom(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return DefaultSessionIdleTimeout;
        }

        // A colon is required: TimeSpan reads a bare "1800" as 1800 days, which nobody writing it means.
        return text.Contains(':', StringComparison.Ordinal)
               && TimeSpan.TryParse(text.Trim(), CultureInfo.InvariantCulture, out var timeout)
               && timeout > TimeSpan.Zero
            ? timeout
            : throw new InvalidOperationException($"MCP_SESSION_IDLE_TIMEOUT '{text}' is not a positive duration; write hh:mm:ss, e.g. 00:30:00.");
    }
}
