using System.Net;
using System.Text.Json.Nodes;
using static AgentTickets.Testing.ConformanceRequests;

namespace AgentTickets.Testing;

/// <summary>
/// <c>GET /api/tickets/{id}/history/</c> and <c>GET /api/audit/</c> with their successes and each of their errors
/// (docs/accounts.md, "Audit"), as real requests; run by <see cref="TicketApiScenario"/>, so both hosts'
/// conformance tests cover them. A ticket is created and changed first, so the pages checked are not empty.
/// </summary>
public static class AuditApiScenario
{
    public static async Task RunAsync(HttpClient client)
    {
        var created = await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Post, "/api/tickets/", """{"title":"Audit me"}"""), HttpStatusCode.Created);
        var id = (long)JsonNode.Parse(created)!["id"]!;
        await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Patch, $"/api/tickets/{id}/", """{"resolution_status":"RESOLVED"}"""), HttpStatusCode.OK);
        var history = $"/api/tickets/{id}/history/";

        await TicketApiScenario.ExpectAsync(client, Bare(HttpMethod.Get, history), HttpStatusCode.OK);
        await TicketApiScenario.ExpectAsync(client, Bare(HttpMethod.Get, $"{history}?page=2&page_size=1"), HttpStatusCode.OK);
        await TicketApiScenario.ExpectAsync(client, Bare(HttpMethod.Head, history), HttpStatusCode.OK);
        await TicketApiScenario.ExpectAsync(client, Bare(HttpMethod.Get, $"{history}?action=created"), HttpStatusCode.BadRequest);
        await TicketApiScenario.ExpectAsync(client, Bare(HttpMethod.Get, "/api/tickets/999999/history/"), HttpStatusCode.NotFound);

        const string audit = "/api/audit/";
        await TicketApiScenario.ExpectAsync(client, Bare(HttpMethod.Get, audit), HttpStatusCode.OK);
        await TicketApiScenario.ExpectAsync(client,
            Bare(HttpMethod.Get, $"{audit}?ticket={id}&action=status_changed&channel=rest&since=2000-01-01&until=2100-01-01T00:00:00Z&page_size=1"), HttpStatusCode.OK);
        await TicketApiScenario.ExpectAsync(client, Bare(HttpMethod.Head, audit), HttpStatusCode.OK);
        await TicketApiScenario.ExpectAsync(client, Bare(HttpMethod.Get, $"{audit}?channel=fax"), HttpStatusCode.BadRequest);
        await TicketApiScenario.ExpectAsync(client, Bare(HttpMethod.Get, $"{audit}?page=999"), HttpStatusCode.NotFound);
    }
}
