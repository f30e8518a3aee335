using AgentHost.Tickets;
using TicketApi.Ai;
using TicketApi.Health;

namespace AgentHost.Endpoints;

/// <summary>
/// <code>GET|HEAD /health</code> through the ticket service's own health writer (same body in both hosts,
/// docs/rest-api.md, "Health"), plus what this host runs with (no secrets). Embedded, the ticket database
/// check runs too and a failing database answers 503.
/// </summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapAgentHealth(this IEndpointRouteBuilder app)
    {
        app.MapServiceHealth(DescribeHost);
        return app;
    }

    private static IReadOnlyDictionary<string, string?> DescribeHost(IServiceProvider services)
    {
        var provider = services.GetRequiredService<ChatProviderSettings>();
        var tickets = services.GetRequiredService<TicketServiceAddress>();
        return new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["provider"] = provider.ProviderName,
            ["model"] = provider.Model,
            ["ticket_service"] = tickets.IsEmbedded ? "embedded" : tickets.BaseAddress.ToString(),
        };
    }
}
