using AgentHost.Tools;

namespace AgentHost.Mcp;

/// <summary>
/// Where the MCP server gets the ticket tools from: the host's catalogue in production, a small fixed set in
/// some tests. A delegate rather than a direct dependency so the MCP plumbing does not care who owns the list.
/// </summary>
public sealed record TicketToolSource(Func<IServiceProvider, IEnumerable<TicketToolDefinition>> Resolve);
