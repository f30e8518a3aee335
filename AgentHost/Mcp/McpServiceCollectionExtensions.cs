using AgentHost.Mcp.Http;
using AgentHost.Tools;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TicketApi;

namespace AgentHost.Mcp;

/// <summary>Registers the MCP server for both transports.</summary>
public static class McpServiceCollectionExtensions
{
    /// <summary>
    /// The MCP server over the host's <see cref="TicketToolCatalogue"/>. Registers the catalogue with
    /// <c>AddTicketTools</c> when the host has not, so the call order in Program.cs does not matter.
    /// </summary>
    public static IServiceCollection AddTicketMcpServer(this IServiceCollection services, IConfiguration configuration)
    {
        if (!services.Any(d => d.ServiceType == typeof(TicketToolCatalogue)))
        {
            services.AddTicketTools(configuration);
        }

        return services.AddTicketMcpServer(configuration, sp => sp.GetRequiredService<TicketToolCatalogue>().McpTools);
    }

    /// <summary>
    /// The MCP server over the tools that <paramref name="tools"/> resolves (the host's catalogue), configured
    /// from <c>MCP_*</c> settings. Safe to call once per host; the HTTP endpoint still needs
    /// <see cref="McpEndpointRouteBuilderExtensions.MapTicketMcp"/>.
    /// </summary>
    public static IServiceCollection AddTicketMcpServer(
        this IServiceCollection services,
        IConfiguration configuration,
        Func<IServiceProvider, IEnumerable<TicketToolDefinition>> tools)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(tools);

        services.AddSingleton(McpServerSettings.FromConfiguration(configuration));
        // The /mcp Origin and Host check (McpOriginFilter) is the browser rule /chat shares.
        services.AddBrowserOriginRule(configuration);
        services.AddSingleton(new TicketToolSource(tools));
        services.AddSingleton<TicketMcpServerFactory>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<McpHttpSessionStore>();
        services.AddSingleton<McpHttpHandler>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, McpChallengeResultHandler>());
        // The SDK logs two Information lines per request ("request handler called" and "completed", plus one per
        // tool call) and the HTTP transport four per stateless request; warnings and errors still come through.
        services.AddLogging(logging => logging
            .AddFilter("ModelContextProtocol.Server.McpServer", LogLevel.Warning)
            .AddFilter("ModelContextProtocol.Server.StreamableHttpServerTransport", LogLevel.Warning));
        return services;
    }
}
