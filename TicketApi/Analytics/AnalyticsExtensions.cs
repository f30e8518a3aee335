using TicketApi.Audit;

namespace TicketApi.Analytics;

/// <summary>Analytics (docs/analytics.md): counters kept by a <see cref="ChangeJournal"/> sink, read by <c>/api/analytics/</c>.</summary>
public static class AnalyticsExtensions
{
    public static IServiceCollection AddAnalytics(this IServiceCollection services)
    {
        services.AddSingleton<ITicketChangeSink, AnalyticsSink>();
        services.AddScoped<AnalyticsStore>();
        services.AddScoped<AnalyticsRebuild>();
        services.AddHostedService<AnalyticsStartup>();
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, AnalyticsJsonContext.Default));
        services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>("v1", options => options.AddOperationTransformer<OpenApi.AnalyticsOperations>());
        return services;
    }

    public static IEndpointRouteBuilder MapAnalytics(this IEndpointRouteBuilder app) => app.MapAnalyticsEndpoints();
}
