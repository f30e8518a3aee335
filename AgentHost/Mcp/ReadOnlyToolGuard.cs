using AgentHost.Tools;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AgentHost.Mcp;

/// <summary>
/// In read-only mode the write tools are not listed, but a client may still call one by name (a cached list,
/// a hand-written request). This filter answers such a call with an error result that says why, instead of the
/// protocol's terse "unknown tool".
/// </summary>
internal static class ReadOnlyToolGuard
{
    public static McpRequestFilter<CallToolRequestParams, CallToolResult> Create(IEnumerable<TicketToolDefinition> definitions)
    {
        var all = definitions.ToList();
        var writeTools = all.Where(d => !d.ReadOnly).Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        var readTools = string.Join(", ", all.Where(d => d.ReadOnly).Select(d => d.Name));
        return next => (request, cancellationToken) =>
        {
            var name = request.Params?.Name;
            if (name is not null && writeTools.Contains(name))
            {
                return ValueTask.FromResult(ToolErrorResultTool.ErrorResult(
                    $"'{name}' is not available: this MCP server runs in read-only mode (MCP_READ_ONLY=true). " +
                    $"Only these tools can be used: {readTools}. Ask an operator to make the change."));
            }

            return next(request, cancellationToken);
        };
    }
}
