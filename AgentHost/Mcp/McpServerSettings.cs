namespace AgentHost.Mcp;

/// <summary>
/// How the MCP server behaves, read from the environment so the same binary serves a desktop assistant
/// (stdio) and the HTTP endpoint without code changes.
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
    public static McpServerSettings Default { get; } = new(false, false, false, []);

    public static McpServerSettings FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new McpServerSettings(
            ReadOnly: IsTrue(configuration["MCP_READ_ONLY"]),
            Stateless: IsTrue(configuration["MCP_HTTP_STATELESS"]),
            JsonResponse: IsTrue(configuration["MCP_HTTP_JSON_RESPONSE"]),
            AllowedOrigins: (configuration["MCP_ALLOWED_ORIGINS"] ?? "")
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    // "1", "true", "yes" and "on" all mean on: people write all four in .env files.
    private static bool IsTrue(string? value) =>
        value?.Trim().ToLowerInvariant() is "1" or "true" or "yes" or "on";
}
