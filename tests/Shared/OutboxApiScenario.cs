using System.Net;
using System.Text.Json.Nodes;
using static AgentTickets.Testing.ConformanceRequests;

namespace AgentTickets.Testing;

/// <summary>
/// <c>GET /api/outbox/</c> with its success and each of its errors (docs/mail.md), as real requests; run by
/// <see cref="TicketApiScenario"/>, so both hosts' conformance tests cover it. A resolved ticket with a
/// requester email puts a notice in the outbox first, so the page checked against the schema is not empty.
/// </summary>
public static class OutboxApiScenario
{
    public static async Task RunAsync(HttpClient client)
    {
        const string outbox = "/api/outbox/";
        var created = await TicketApiScenario.ExpectAsync(client,
            Json(HttpMethod.Post, "/api/tickets/", """{"title":"Mail me","requester_email":"dana@example.com","requester_name":"Dana"}"""), HttpStatusCode.Created);
        var id = (long)JsonNode.Parse(created)!["id"]!;
        await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Patch, $"/api/tickets/{id}/", """{"resolution_status":"RESOLVED"}"""), HttpStatusCode.OK);

        await TicketApiScenario.ExpectAsync(client, Bare(HttpMethod.Get, outbox), HttpStatusCode.OK);
        await TicketApiScenario.ExpectAsync(client, Bare(HttpMethod.Get, $"{outbox}?ticket_id={id}&status=QUEUED&page_size=1"), HttpStatusCode.OK);
        await TicketApiScenario.ExpectAsync(client, Bare(HttpMethod.Head, outbox), HttpStatusCode.OK);
        await TicketApiScenario.ExpectAsync(client, Bare(HttpMethod.Get, $"{outbox}?status=DONE"), HttpStatusCode.BadRequest);
        await TicketApiScenario.ExpectAsync(client, Bare(HttpMethod.Get, $"{outbox}?page=999"), HttpStatusCode.NotFound);
    }
}
