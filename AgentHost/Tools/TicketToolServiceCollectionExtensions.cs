using AgentHost.Tickets;

namespace AgentHost.Tools;

public static class TicketToolServiceCollectionExtensions
{
    /// <summary>Registers the ticket-service seam and the tool catalogue (singletons: built once).</summary>
    public static IServiceCollection AddTicketTools(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddTicketService(configuration);
        services.AddSingleton<TicketTools>();
        services.AddSingleton<TicketThreadTools>();
        services.AddSingleton<TicketToolCatalogue>();
        return services;
    }
}
