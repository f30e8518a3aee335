using AgentHost.Tickets;

namespace AgentHost.Tools;

public static class TicketToolServiceCollectionExtensions
{
    /// <summary>Registers the ticket-service client and the tool catalogue (both singletons: built once).</summary>
    public static IServiceCollection AddTicketTools(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddTicketServiceClient(configuration);
        services.AddSingleton<TicketTools>();
        services.AddSingleton<TicketToolCatalogue>();
        return services;
    }
}
