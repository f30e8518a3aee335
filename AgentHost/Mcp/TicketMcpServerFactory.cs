using System.Reflection;
using AgentHost.Tools;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AgentHost.Mcp;

/// <summary>
/// Builds MCP servers for any transport: the stdio host makes one, the HTTP endpoint one per session (or per
/// request when stateless). All of them share the same tool objects, instructions and read-only rule.
/// </summary>
public sealed class TicketMcpServerFactory
{
    private readonly McpServerSettings _settings;
    private readonly IServiceProvider _services;
    private readonly ILoggerFactory _loggerFactory;
    private readonly Lazy<(IReadOnlyList<TicketToolDefinition> Definitions, IReadOnlyList<McpServerTool> Tools)> _tools;

    public TicketMcpServerFactory(McpServerSettings settings, TicketToolSource source, IServiceProvider services, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(source);
        _settings = settings;
        _services = services;
        _loggerFactory = loggerFactory;

        // Resolved on first use, not in the constructor: the catalogue may depend on services (the ticket API
        // client) that are only complete once the host is built.
        _tools = new(() =>
        {
            var definitions = source.Resolve(services).ToList();
            return (definitions, TicketMcpTools.Create(definitions, settings.ReadOnly, loggerFactory));
        });
    }

    public McpServerSettings Settings => _settings;

    /// <summary>A fresh options object: the SDK keeps per-server state in it, so servers must not share one.</summary>
    public McpServerOptions CreateOptions()
    {
        var (definitions, tools) = _tools.Value;
        var toolCollection = new McpServerPrimitiveCollection<McpServerTool>();
        foreach (var tool in tools)
        {
            toolCollection.Add(tool);
        }

        var options = new McpServerOptions
        {
            ServerInfo = new Implementation
            {
                Name = "agenttickets",
                Title = "AgentTickets support desk",
                Version = typeof(TicketMcpServerFactory).Assembly
                    .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "1.0.0",
            },
            ServerInstructions = _settings.ReadOnly ? McpServerInstructions.ReadOnly : McpServerInstructions.ReadWrite,
            ToolCollection = toolCollection,
        };

        options.Filters.Message.IncomingFilters.Add(InitializeVersionNegotiation.Filter);
        if (_settings.ReadOnly)
        {
            options.Filters.Request.CallToolFilters.Add(ReadOnlyToolGuard.Create(definitions));
        }

        return options;
    }

    /// <summary>A server over <paramref name="transport"/>; the caller runs and disposes it.</summary>
    public McpServer Create(ITransport transport, IServiceProvider? services = null) =>
        McpServer.Create(transport, CreateOptions(), _loggerFactory, services ?? _services);
}
