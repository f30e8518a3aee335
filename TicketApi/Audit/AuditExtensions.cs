using TicketApi.Events;

namespace TicketApi.Audit;

/// <summary>The audit trail and the live events (docs/accounts.md, "Audit" and "Live events"): both are sinks of the <see cref="ChangeJournal"/>.</summary>
public static class AuditExtensions
{
    public static IServiceCollection AddAudit(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<TicketEventSignal>();
        services.AddSingleton<ITicketChangeSink, AuditSink>();
        services.AddSingleton<ITicketChangeSink, EventSink>();
        services.AddScoped<AuditStore>();
        services.AddScoped<EventStore>();
        services.AddSingleton(EventSettings.From(configuration));
        services.AddHostedService<EventPruner>();
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, AuditJsonContext.Default));
        services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>("v1", options =>
        {
            options.AddOperationTransformer<OpenApi.AuditOperations>();
            options.AddOperationTransformer<Events.OpenApi.EventOperations>();
        });
        return services;
    }

    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app) =>
        app.MapAuditEndpoints().MapTicketEvents();
}
