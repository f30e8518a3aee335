using System.Net;
using System.Text.Json.Nodes;
using static AgentTickets.Testing.ConformanceRequests;

namespace AgentTickets.Testing;

/// <summary>
/// Every draft operation (docs/drafts.md, "Drafts over REST") with its success and each of its errors, as real
/// requests; run by <see cref="TicketApiScenario"/>, so the conformance tests cover drafts. The host needs a
/// draft writer and an outbox (a real or a scripted one); the writer's failure (503) is provoked where a writer
/// can be told to fail: DraftEndpointTests.A_writer_that_fails_is_503_and_stores_nothing.
/// </summary>
public static class DraftApiScenario
{
    public static async Task RunAsync(HttpClient client)
    {
        var created = await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Post, "/api/tickets/", """{"title":"VPN drops","requester_name":"Dana"}"""), HttpStatusCode.Created);
        var id = (long)JsonNode.Parse(created)!["id"]!;
        var draft = $"/api/tickets/{id}/draft";
        var send = $"{draft}/send";
        var history = $"/api/tickets/{id}/drafts/";
        const string missing = "/api/tickets/999999/draft";
        var big = $$"""{"instruction":"{{new string('a', 300 * 1024)}}"}""";

        // Nothing drafted yet: 404 to read, 409 to refine or send.
        await TicketApiScenario.ExpectAsync(client, Bare(HttpMethod.Get, draft), HttpStatusCode.NotFound);
        await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Post, draft, """{"instruction":"shorter"}"""), HttpStatusCode.Conflict);
        await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Post, send, "{}"), HttpStatusCode.Conflict);

        // Write: 201 first, 200 after (JSON and streamed), and each refusal.
        await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Post, draft, "{}"), HttpStatusCode.Created);
        await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Post, draft, """{"instruction":"make it more concise"}"""), HttpStatusCode.OK);
        await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Post, draft, "{}", headers: ("Accept", "text/event-stream")), HttpStatusCode.OK);
        await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Post, missing, "{}"), HttpStatusCode.NotFound);
        await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Post, draft, """{"tone":"formal"}"""), HttpStatusCode.BadRequest);
        await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Post, draft, """{"instruction":"  "}"""), HttpStatusCode.UnprocessableEntity);
        await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Post, draft, "{}", "text/plain"), HttpStatusCode.UnsupportedMediaType);
        await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Post, draft, big), HttpStatusCode.RequestEntityTooLarge);

        // Read: the current draft and the history.
        await TicketApiScenario.ExpectAsync(client, Bare(HttpMethod.Get, draft), HttpStatusCode.OK);
        await TicketApiScenario.ExpectAsync(client, Bare(HttpMethod.Head, draft), HttpStatusCode.OK);
        await TicketApiScenario.ExpectAsync(client, Bare(HttpMethod.Get, history), HttpStatusCode.OK);
        await TicketApiScenario.ExpectAsync(client, Bare(HttpMethod.Get, $"{history}?page=2&page_size=1"), HttpStatusCode.OK);
        await TicketApiScenario.ExpectAsync(client, Bare(HttpMethod.Get, $"{history}?colour=red"), HttpStatusCode.BadRequest);
        await TicketApiScenario.ExpectAsync(client, Bare(HttpMethod.Get, "/api/tickets/999999/drafts/"), HttpStatusCode.NotFound);

        // Edit: 200, and each refusal.
        const string edit = """{"reply":"Hi Dana, please update the VPN client.","tech_instructions":"MTU 1380."}""";
        await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Put, draft, edit), HttpStatusCode.OK);
        await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Put, missing, edit), HttpStatusCode.NotFound);
        await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Put, draft, """{"reply":"x"}"""), HttpStatusCode.BadRequest);
        await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Put, draft, """{"reply":" ","tech_instructions":""}"""), HttpStatusCode.UnprocessableEntity);
        await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Put, draft, edit, headers: ("If-Match", "\"1\"")), HttpStatusCode.PreconditionFailed);
        await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Put, draft, edit, "text/plain"), HttpStatusCode.UnsupportedMediaType);
        await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Put, draft, $$"""{"reply":"{{new string('a', 300 * 1024)}}","tech_instructions":""}"""), HttpStatusCode.RequestEntityTooLarge);

        // Send: each refusal first, then the approval, after which there is no current draft.
        await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Post, "/api/tickets/999999/draft/send", "{}"), HttpStatusCode.NotFound);
        await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Post, send, """{"resolve":"yes"}"""), HttpStatusCode.BadRequest);
        await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Post, send, """{"version":0}"""), HttpStatusCode.UnprocessableEntity);
        await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Post, send, """{"version":1}"""), HttpStatusCode.PreconditionFailed);
        await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Post, send, "{}", "text/plain"), HttpStatusCode.UnsupportedMediaType);
        await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Post, send, $$"""{"author":"{{new string('a', 300 * 1024)}}"}"""), HttpStatusCode.RequestEntityTooLarge);
        await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Post, send, """{"resolve":true,"author":"Sam (support)"}"""), HttpStatusCode.Created);
        await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Post, send, "{}"), HttpStatusCode.Conflict);

        // Discard: refusals, then the real thing, then there is nothing left to discard.
        await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Post, draft, "{}"), HttpStatusCode.Created);
        await TicketApiScenario.ExpectAsync(client, Bare(HttpMethod.Delete, draft, ("If-Match", "not a tag")), HttpStatusCode.BadRequest);
        await TicketApiScenario.ExpectAsync(client, Bare(HttpMethod.Delete, draft, ("If-Match", "\"1\"")), HttpStatusCode.PreconditionFailed);
        await TicketApiScenario.ExpectAsync(client, Bare(HttpMethod.Delete, draft), HttpStatusCode.NoContent);
        await TicketApiScenario.ExpectAsync(client, Bare(HttpMethod.Delete, draft), HttpStatusCode.NotFound);
    }
}
