using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TicketApi.Contracts;
using TicketApi.Data;
using TicketApi.Endpoints;
using TicketApi.Http;
using TicketApi.OpenApi;
using TicketApi.Querying;
using TicketApi.Tickets;

namespace TicketApi;

/// <summary>
/// How a host takes the ticket service on board: the stand-alone TicketApi and the agent host (which
/// embeds it in its own process) both wire it with these two calls.
/// </summary>
public static class TicketApiExtensions
{
    /// <summary>
    /// Registers the database (<c>ConnectionStrings:Tickets</c>, default <c>Data Source=data/tickets.db</c>),
    /// schema start-up, the ticket services and problem details.
    /// </summary>
    public static IServiceCollection AddTicketApi(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Tickets") ?? TicketDatabaseOptions.DefaultConnectionString;
        services.Configure<TicketDatabaseOptions>(o => o.ConnectionString = connectionString);
        services.AddHostedService<DatabaseStartup>();

        // Pooled contexts: the hot paths (get by id, list) then cost no context construction per request.
        services.AddDbContextPool<TicketDbContext>(options => options
            .UseSqlite(connectionString)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            .AddInterceptors(new SqliteConnectionSetup()));

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<WriteGate>();
        services.AddSingleton<TicketReader>();
        services.AddScoped<TicketStore>();
        services.AddSingleton<TicketQueryRunner>();
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, TicketJsonContext.Default));
        services.AddRequestLimitErrors();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddTicketOpenApi();
        return services;
    }

    /// <summary>Maps <c>/api/tickets/</c> and its item routes.</summary>
    public static IEndpointRouteBuilder MapTicketApi(this IEndpointRouteBuilder app)
    {
        app.MapTicketEndpoints();
        return app;
    }
}
