using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TicketApi.Channels;
using TicketApi.Http;

namespace TicketApi.Health;

/// <summary>
/// <code>GET|HEAD /health   200 ok/degraded | 503 unhealthy   HealthResponse</code>
/// One writer for both hosts (docs/rest-api.md, "Health"): TicketApi maps it with nothing to say about its
/// host, the agent host passes its provider, model and ticket-service address.
/// </summary>
public static class HealthEndpoints
{
    public const string Path = "/health";

    public static RouteHandlerBuilder MapServiceHealth(
        this IEndpointRouteBuilder app, Func<IServiceProvider, IReadOnlyDictionary<string, string?>>? describeHost = null)
    {
        var host = describeHost ?? (_ => new Dictionary<string, string?>());
        return app.MapGetAndHead(Path, (HttpContext context, [FromServices] HealthCheckService? checks, [FromServices] ChannelStatusBoard? channels, CancellationToken cancellationToken) =>
                GetHealthAsync(host(context.RequestServices), checks, channels, cancellationToken))
            .AllowAnonymous() // the one route every mode answers without credentials (docs/accounts.md, "Modes")
            .WithName("GetHealth")
            .WithTags("Health")
            .WithSummary("Liveness, the state of each check and what the host runs with.")
            .Produces<HealthResponse>(StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>>> GetHealthAsync(
        IReadOnlyDictionary<string, string?> host, HealthCheckService? checks, ChannelStatusBoard? channels, CancellationToken cancellationToken)
    {
        // A host without checks (the agent host in front of a remote ticket service) is healthy when it answers.
        var report = checks is null ? null : await checks.CheckHealthAsync(cancellationToken);
        var response = new HealthResponse(
            report is null ? "ok" : Name(report.Status),
            report?.Entries.ToDictionary(e => e.Key, e => Name(e.Value.Status), StringComparer.Ordinal) ?? [],
            host,
            channels?.Snapshot() ?? new Dictionary<string, ChannelStatus>());
        return report is { Status: HealthStatus.Unhealthy }
            ? TypedResults.Json(response, statusCode: StatusCodes.Status503ServiceUnavailable)
            : TypedResults.Ok(response);
    }

    private static string Name(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "ok",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };
}
