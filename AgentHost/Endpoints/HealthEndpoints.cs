using AgentHost.Chat;
using AgentHost.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AgentHost.Endpoints;

/// <summary><c>GET /health</c>: liveness plus what the host is running with (no secrets).</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapAgentHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", GetHealth).WithName("AgentHealth");
        return app;
    }

    public sealed record HealthResponse(string Status, string Provider, string? Model, string TicketService);

    private static Ok<HealthResponse> GetHealth(ChatProviderSettings provider, TicketServiceAddress tickets) =>
        TypedResults.Ok(new HealthResponse("ok", provider.ProviderName, provider.Model,
            tickets.IsEmbedded ? "embedded" : tickets.BaseAddress.ToString()));
}
