using System.Reflection;
using AgentHost.Mcp.Prompts;
using AgentHost.Mcp.Resources;
using AgentHost.Tickets;
using AgentHost.Tools;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AgentHost.Mcp;

/// <summary>
/// Builds MCP servers for any transport: the stdio host makes one, the HTTP endpoint one per session (or per
/// request when stateless). All of them share the same tool objects, instructions and read-only rule, and, when the
/// host has a ticket service, the resources and prompts of docs/mcp.md.
/// </summary>
public sealed class TicketMcpServerFactory
{
    private readonly McpServerSettings _settings;
    private readonly IServiceProvider _services;
    private readonly ILoggerFactory _loggerFactory;
    private readonly Lazy<(IReadOnlyList<TicketToolDefinition> Definitions, IReadOnlyList<McpServerTool> Tools)> _tools;
    private readonly Lazy<(TicketResourceReader Resources, TicketMcpPrompts Prompts)?> _context;

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

        // Resources and prompts read through the ticket-service seam; a host without one (some tests serve
        // stand-in tools only) offers neither rather than failing on the first read.
        _context = new(() =>
        {
            if (services.GetService<ITicketService>() is not { } tickets)
            {
                return null;
            }

            var reader = new TicketResourceReader(tickets);
            var offered = _tools.Value.Tools.Select(t => t.ProtocolTool.Name).ToHashSet(StringComparer.Ordinal);
            return (reader, new TicketMcpPrompts(reader, offered));
        });
    }

    public McpServerSettings Settings => _settings;

    /// <summary>A fresh options object: the SDK keeps per-server state in it, so servers must not share one.</summary>
    public McpServerOptions CreateOptions()
    {
        var (definitions, tools) = _tools.Value;
        // A server serves one session (or one stateless request), made in the request of the person who opened it:
        // it offers that person's tools only (docs/tools.md, "Who is offered which tools"); the SDK refuses the rest as unknown.
        var actor = TicketApi.Accounts.ActingContext.Actor;
        var allowed = ToolAccess.For(actor, definitions).Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        var toolCollection = new McpServerPrimitiveCollection<McpServerTool>();
        foreach (var tool in tools.Where(t => allowed.Contains(t.ProtocolTool.Name)))
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

        if (_context.Value is var (resources, prompts))
        {
            AddResourcesAndPrompts(options, resources, prompts);
        }

        options.Filters.Message.IncomingFilters.Add(InitializeVersionNegotiation.Filter);
        // First, so every later filter and the tool itself run as the person the call acts as.
        options.Filters.Request.CallToolFilters.Add(McpActing.Create(definitions, _services.GetService<McpStdioCredential>()));
        if (_settings.ReadOnly)
        {
            options.Filters.Request.CallToolFilters.Add(ReadOnlyToolGuard.Create(definitions));
        }

        return options;
    }

    /// <summary>
    /// docs/mcp.md, "Resources" and "Prompts". Neither list changes while the server runs (the templates and prompts
    /// are fixed; tickets change, but no resource is listed), so no listChanged or subscribe is advertised.
    /// </summary>
    private static void AddResourcesAndPrompts(McpServerOptions options, TicketResourceReader resources, TicketMcpPrompts prompts)
    {
        options.Capabilities ??= new ServerCapabilities();
        options.Capabilities.Resources = new ResourcesCapability { ListChanged = false, Subscribe = false };
        options.Capabilities.Prompts = new PromptsCapability { ListChanged = false };
        // Tickets are reached through the templates (and the tools), not enumerated: a desk has thousands and a
        // client's resource picker is no place for them.
        options.Handlers.ListResourcesHandler = (_, _) => ValueTask.FromResult(new ListResourcesResult { Resources = [] });
        options.Handlers.ListResourceTemplatesHandler = (_, _) =>
            ValueTask.FromResult(new ListResourceTemplatesResult { ResourceTemplates = TicketResourceReader.Templates });
        options.Handlers.ReadResourceHandler = async (request, cancellationToken) =>
            await resources.ReadAsync(request.Params?.Uri, request.Server.NegotiatedProtocolVersion, cancellationToken);
        options.Handlers.ListPromptsHandler = (_, _) => ValueTask.FromResult(new ListPromptsResult { Prompts = TicketMcpPrompts.Prompts });
        options.Handlers.GetPromptHandler = async (request, cancellationToken) => await prompts.GetAsync(request.Params, cancellationToken);
    }

    /// <summary>A server over <paramref name="transport"/>; the caller runs and disposes it.</summary>
    public McpServer Create(ITransport transport, IServiceProvider? services = null) =>
        McpServer.Create(transport, CreateOptions(), _loggerFactory, services ?? _services);
}
