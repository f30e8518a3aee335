using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TicketApi.Http;

namespace TicketApi;

/// <summary>
/// CORS for browser pages on other origins, shared by the ticket service and the agent host so that
/// <c>/api/tickets/</c>, <c>/chat</c> and <c>/mcp</c> answer preflights by the same <see cref="BrowserOriginRule"/>.
/// </summary>
public static class BrowserCorsExtensions
{
    /// <summary>Headers a cross-origin page may send: JSON bodies, ETag preconditions, SSE resumption, MCP sessions.</summary>
    private static readonly string[] RequestHeaders =
        ["Content-Type", "If-Match", "Last-Event-ID", "Idempotency-Key", "Mcp-Session-Id", "MCP-Protocol-Version"];

    private static readonly string[] ResponseHeaders = ["Location", "ETag", "Mcp-Session-Id"];

    /// <summary>Registers the origin rule (<see cref="BrowserOriginSettings"/> from configuration), once.</summary>
    public static IServiceCollection AddBrowserOriginRule(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(_ => BrowserOriginSettings.FromConfiguration(configuration));
        services.TryAddSingleton<BrowserOriginRule>();
        return services;
    }

    /// <summary>The origin rule plus the framework's CORS services with a default policy built on it.</summary>
    public static IServiceCollection AddBrowserCors(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBrowserOriginRule(configuration);
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<BrowserOriginRule>((options, rule) => options.AddDefaultPolicy(policy => policy
            .SetIsOriginAllowed(rule.IsAllowedCrossOrigin)
            .WithMethods("GET", "POST", "PUT", "PATCH", "DELETE")
            .WithHeaders(RequestHeaders)
            .WithExposedHeaders(ResponseHeaders)
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
        return services;
    }

    /// <summary>Answers preflights and adds CORS headers for allowed origins; call before the endpoints.</summary>
    public static IApplicationBuilder UseBrowserCors(this IApplicationBuilder app) => app.UseCors();
}
