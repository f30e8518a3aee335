namespace TicketApi.Ratings;

/// <summary>How the ticket service takes satisfaction ratings on board (docs/accounts.md, "Satisfaction").</summary>
public static class RatingsExtensions
{
    /// <summary>The settings (read and checked now), the links the resolution email carries, and the ratings store.</summary>
    public static IServiceCollection AddRatings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(RatingSettings.From(configuration));
        services.AddSingleton<RatingLinks>();
        services.AddScoped<TicketRatings>();
        // Assignment's operations too: both are issue 12's trust routes, described by one transformer.
        services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>("v1", options => options.AddOperationTransformer<OpenApi.TrustOperations>());
        return services;
    }

    public static IEndpointRouteBuilder MapRatings(this IEndpointRouteBuilder app)
    {
        app.MapRatingEndpoints();
        app.MapRatingPages();
        return app;
    }
}
