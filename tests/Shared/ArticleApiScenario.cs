using System.Net;
using System.Text.Json.Nodes;
using static AgentTickets.Testing.ConformanceRequests;

namespace AgentTickets.Testing;

/// <summary>
/// Every article operation with its success and each of its errors (docs/knowledge-base.md), as real
/// requests; run by <see cref="TicketApiScenario"/>, so both hosts' conformance tests cover the knowledge base.
/// </summary>
public static class ArticleApiScenario
{
    public static async Task RunAsync(HttpClient client)
    {
        const string articles = "/api/articles/";
        var big = $$"""{"body":"{{new string('a', 2 * 1024 * 1024 + 1)}}"}""";
        const string valid = """{"title":"Toner low","category":"HARDWARE","tags":["toner"],"body":"Shake the cartridge.","internal_notes":"Order more.","id":9}""";

        var created = await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Post, articles, valid), HttpStatusCode.Created);
        var item = $"{articles}{(long)JsonNode.Parse(created)!["id"]!}/";
        await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Post, articles, """{"title":"x","category":"OTHER","body":"x","slug":"toner-low"}"""), HttpStatusCode.Conflict);
        await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Post, articles, """{"title":"x"}"""), HttpStatusCode.BadRequest);
        await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Post, articles, """{"title":"x","category":"NOPE","body":"x"}"""), HttpStatusCode.UnprocessableEntity);
        await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Post, articles, valid, "text/plain"), HttpStatusCode.UnsupportedMediaType);
        await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Post, articles, big), HttpStatusCode.RequestEntityTooLarge);

        await TicketApiScenario.ExpectAsync(client, Bare(HttpMethod.Get, articles), HttpStatusCode.OK);
        await TicketApiScenario.ExpectAsync(client, Bare(HttpMethod.Get, $"{articles}?search=toner%20cartridge&category__in=HARDWARE,OTHER&page_size=1"), HttpStatusCode.OK);
        await TicketApiScenario.ExpectAsync(client, Bare(HttpMethod.Get, $"{articles}?category=NOPE"), HttpStatusCode.BadRequest);
        await TicketApiScenario.ExpectAsync(client, Bare(HttpMethod.Get, $"{articles}?page=999"), HttpStatusCode.NotFound);
        await TicketApiScenario.ExpectAsync(client, Bare(HttpMethod.Head, articles), HttpStatusCode.OK);
        await TicketApiScenario.ExpectAsync(client, Bare(HttpMethod.Get, item), HttpStatusCode.OK);
        await TicketApiScenario.ExpectAsync(client, Bare(HttpMethod.Get, item, ("If-None-Match", "\"1\"")), HttpStatusCode.NotModified);
        await TicketApiScenario.ExpectAsync(client, Bare(HttpMethod.Get, $"{articles}999999/"), HttpStatusCode.NotFound);

        await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Patch, item, """{"tags":["toner","printer"]}"""), HttpStatusCode.OK);
        await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Patch, $"{articles}999999/", "{}"), HttpStatusCode.NotFound);
        await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Patch, item, """{"colour":"red"}"""), HttpStatusCode.BadRequest);
        await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Patch, item, """{"title":""}"""), HttpStatusCode.UnprocessableEntity);
        await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Patch, item, """{"slug":"vpn-drops"}"""), HttpStatusCode.Conflict);
        await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Patch, item, "{}", headers: ("If-Match", "\"12345\"")), HttpStatusCode.PreconditionFailed);
        await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Patch, item, "{}", "text/plain"), HttpStatusCode.UnsupportedMediaType);
        await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Patch, item, big), HttpStatusCode.RequestEntityTooLarge);

        await TicketApiScenario.ExpectAsync(client, Bare(HttpMethod.Delete, item, ("If-Match", "not a tag")), HttpStatusCode.BadRequest);
        await TicketApiScenario.ExpectAsync(client, Bare(HttpMethod.Delete, item, ("If-Match", "\"12345\"")), HttpStatusCode.PreconditionFailed);
        await TicketApiScenario.ExpectAsync(client, Bare(HttpMethod.Delete, item), HttpStatusCode.NoContent);
        await TicketApiScenario.ExpectAsync(client, Bare(HttpMethod.Delete, item), HttpStatusCode.NotFound);
    }
}
