using System.Net;
using static AgentTickets.Testing.ConformanceRequests;

namespace AgentTickets.Testing;

/// <summary>
/// Analytics (docs/analytics.md) with each answer the scenario's caller (the local admin) can provoke, as real
/// requests; run by <see cref="TicketApiScenario"/>, so both hosts' conformance tests cover them.
/// </summary>
public static class AnalyticsApiScenario
{
    public static async Task RunAsync(HttpClient client)
    {
        await TicketApiScenario.ExpectAsync(client, Bare(HttpMethod.Get, "/api/analytics/"), HttpStatusCode.OK);
        await TicketApiScenario.ExpectAsync(client, Bare(HttpMethod.Head, "/api/analytics/?from=2026-01-01&to=2026-01-31"), HttpStatusCode.OK);
        await TicketApiScenario.ExpectAsync(client, Bare(HttpMethod.Get, "/api/analytics/?from=2026-02-30"), HttpStatusCode.BadRequest);
        await TicketApiScenario.ExpectAsync(client, Bare(HttpMethod.Post, "/api/analytics/rebuild"), HttpStatusCode.OK);
    }
}
