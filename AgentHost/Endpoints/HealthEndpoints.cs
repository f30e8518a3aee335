using AgentHost.Chat;
using AgentHost.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AgentHost.Endpoints;

/// <summary>
/// <code>GET /health</code> liveness plus what the host runs with (no secrets). Embedded, it also runs the
/// ticket service's own checks (its database), and answers 503 when they fail.
/// </summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapAgentHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", GetHealthAsync).WithName("AgentHealth").WithTags("Health");
        return app;
    }

    public sealed record HealthResponse(string Status, string Provider, string? Model, string TicketService);

    private static async Task<Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>>> GetHealthAsync(
        ChatProviderSettings provider, TicketServiceAddress tickets, [FromServices] HealthCheckService? checks,
        CancellationToken cancellationToken)
    {
        var ticketService = tickets.IsEmbedded ? "embedded" : tickets.BaseAddress.ToString();
        var report = checks is null ? null : await checks.CheckHealthAsync(cancellationToken);
        var response = new HealthResponse(
            report is null || report.Status == HealthStatus.Healthy ? "ok" : report.Status.ToString().ToLowerInvariant(),
            provider.ProviderName, provider.Model, ticketService);
        return report is { Status: HealthStatus.Unhealthy }
            ? TypedResults.Json(response, statusCode: StatusCodes.Status503ServiceUnavailable)
            : TypedResults.Ok(response);
    }
}
