using AgentHost.Tools;
using ModelContextProtocol.Server;

namespace AgentHost.Mcp;

/// <summary>
/// Turns the one ticket-tool catalogue into MCP tools. Each tool is the catalogue's own
/// <see cref="Microsoft.Extensions.AI.AIFunction"/> served through <see cref="McpServerTool.Create(Microsoft.Extensions.AI.AIFunction, McpServerToolCreateOptions?)"/>:
/// no second definition exists, so the chat pipeline and MCP clients always see the same names, descriptions
/// and schemas.
/// </summary>
internal static class TicketMcpTools
{
    /// <summary>The tools to list: all of them, or only the read tools when the server is read-only.</summary>
    public static IReadOnlyList<McpServerTool> Create(IEnumerable<TicketToolDefinition> definitions, bool readOnly, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        return definitions
            .Where(definition => !readOnly || definition.ReadOnly)
            .Select(definition => Create(definition, loggerFactory))
            .ToList();
    }

    public static McpServerTool Create(TicketToolDefinition definition, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(definition);

        // Every hint is set explicitly: MCP's defaults (destructive=true, openWorld=true) would tell clients
        // that listing tickets might destroy data or reach the internet. Only send_draft is open-world: it emails a person.
        var options = new McpServerToolCreateOptions
        {
            Title = definition.Title,
            ReadOnly = definition.ReadOnly,
            Destructive = definition.Destructive,
            Idempotent = definition.Idempotent,
            OpenWorld = definition.OpenWorld,
        };

        return new ToolErrorResultTool(
            McpServerTool.Create(definition.Function, options),
            loggerFactory.CreateLogger<ToolErrorResultTool>());
    }
}
