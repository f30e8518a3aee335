namespace TicketApi.Assignment;

/// <summary>How the ticket service takes assignment on board (docs/accounts.md, "Assignment").</summary>
public static class AssignmentExtensions
{
    public static IServiceCollection AddAssignment(this IServiceCollection services)
    {
        services.AddScoped<AssigneeDirectory>();
        services.AddScoped<TicketAssignments>();
        return services;
    }

    public static IEndpointRouteBuilder MapAssignment(this IEndpointRouteBuilder app)
    {
        app.MapAssignmentEndpoints();
        return app;
    }
}
