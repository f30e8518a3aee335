using System.Net;
using System.Text.Json.Nodes;
using static AgentTickets.Testing.ConformanceRequests;

namespace AgentTickets.Testing;

/// <summary>
/// Every ticket operation with its success and each of its errors, as real requests: what the conformance
/// tests of both hosts drive through <see cref="OpenApiConformance"/>.
/// </summary>
public static class TicketApiScenario
{
    /// <summary>Documented answers no request here can provoke (a status, or one operation's answer), and where they are tested instead.</summary>
    public static readonly IReadOnlyDictionary<string, string> Unreachable = new Dictionary<string, string>
    {
        ["408"] = "needs a client trickling its body on real Kestrel: RequestLimitTests / HttpEdgeTests",
        ["503"] = "needs a failing health check: DocumentationAndHealthTests",
        ["post /api/tickets/{id}/triage 409"] = "needs 50 concurrent writes in a row to win over the triage write (the store's contention answer, as PATCH's)",
        ["429"] = "needs more writes, chat turns or model calls than the limits allow (a thousandfold in local mode): RateLimitTests",
    };

    /// <summary>True for "METHOD /template STATUS" answers listed in <see cref="Unreachable"/> by status or in full.</summary>
    public static bool IsUnreachable(string answer) =>
        AccountApiScenario.Unreachable.ContainsKey(answer) || KeyApiScenario.Unreachable.ContainsKey(answer)
        || Unreachable.Keys.Concat(TrustApiScenario.Unreachable.Keys).Any(key => answer == key || answer.EndsWith(" " + key, StringComparison.Ordinal));

    public static async Task RunAsync(HttpClient client)
    {
        const string tickets = "/api/tickets/";
        var big = $$"""{"title":"{{new string('a', 300 * 1024)}}"}""";

        // Create: 201 and each refusal.
        var created = await ExpectAsync(client, Json(HttpMethod.Post, tickets, """{"title":"Email outage","description":"Outbound mail fails."}"""), HttpStatusCode.Created);
        var id = (long)JsonNode.Parse(created)!["id"]!;
        var item = $"{tickets}{id}/";
        await ExpectAsync(client, Json(HttpMethod.Post, tickets, """{"title":"Second","id":99,"created":"x"}"""), HttpStatusCode.Created);
        await ExpectAsync(client, Json(HttpMethod.Post, tickets, """{"title": """), HttpStatusCode.BadRequest);
        await ExpectAsync(client, Json(HttpMethod.Post, tickets, """{"title":"x","colour":"red"}"""), HttpStatusCode.BadRequest);
        await ExpectAsync(client, Json(HttpMethod.Post, tickets, """{"description":"no title"}"""), HttpStatusCode.BadRequest);
        await ExpectAsync(client, Json(HttpMethod.Post, tickets, """{"title":"   "}"""), HttpStatusCode.UnprocessableEntity);
        await ExpectAsync(client, Json(HttpMethod.Post, tickets, """{"title":"x"}""", "text/plain"), HttpStatusCode.UnsupportedMediaType);
        await ExpectAsync(client, Json(HttpMethod.Post, tickets, big), HttpStatusCode.RequestEntityTooLarge);
        // Stage-2 fields: a person's priority and requester, the read-only triage members ignored, bad values refused.
        await ExpectAsync(client, Json(HttpMethod.Post, tickets,
            """{"title":"VPN drops","priority":"URGENT","category":"NETWORK","requester_name":"Dana","requester_email":"dana@example.com","sentiment":"POSITIVE","triage":{}}"""),
            HttpStatusCode.Created);
        await ExpectAsync(client, Json(HttpMethod.Post, tickets, """{"title":"x","requester_email":"not an address"}"""), HttpStatusCode.UnprocessableEntity);
        await ExpectAsync(client, Json(HttpMethod.Post, tickets, """{"title":"x","priority":"NOW"}"""), HttpStatusCode.UnprocessableEntity);

        // Read: lists, one ticket, HEAD, conditional GET.
        await ExpectAsync(client, Bare(HttpMethod.Get, tickets), HttpStatusCode.OK);
        await ExpectAsync(client, Bare(HttpMethod.Get, "/api/tickets?page_size=1&created__gte=2000-01-01&ordering=-id"), HttpStatusCode.OK);
        await ExpectAsync(client, Bare(HttpMethod.Get, $"{tickets}?page=2&page_size=1"), HttpStatusCode.OK);
        await ExpectAsync(client, Bare(HttpMethod.Get, $"{tickets}?colour=red"), HttpStatusCode.BadRequest);
        await ExpectAsync(client, Bare(HttpMethod.Get, $"{tickets}?page=99"), HttpStatusCode.NotFound);
        await ExpectAsync(client, Bare(HttpMethod.Head, tickets), HttpStatusCode.OK);
        await ExpectAsync(client, Bare(HttpMethod.Get, item), HttpStatusCode.OK);
        await ExpectAsync(client, Bare(HttpMethod.Head, item), HttpStatusCode.OK);
        await ExpectAsync(client, Bare(HttpMethod.Get, item, ("If-None-Match", "\"1\"")), HttpStatusCode.NotModified);
        await ExpectAsync(client, Bare(HttpMethod.Get, $"{tickets}999999/"), HttpStatusCode.NotFound);
        await ExpectAsync(client, Bare(HttpMethod.Get, $"{tickets}abc/"), HttpStatusCode.NotFound);
        await ExpectAsync(client, Bare(HttpMethod.Get, $"{tickets}?priority__in=HIGH,URGENT&category=NETWORK&sentiment=NEUTRAL&requester_email=DANA@example.com&ordering=-priority,created"), HttpStatusCode.OK);
        await ExpectAsync(client, Bare(HttpMethod.Get, $"{tickets}?priority=NOW"), HttpStatusCode.BadRequest);

        // Triage again: the ticket, or 404.
        await ExpectAsync(client, Bare(HttpMethod.Post, $"{item}triage/"), HttpStatusCode.OK);
        await ExpectAsync(client, Bare(HttpMethod.Post, $"{tickets}999999/triage"), HttpStatusCode.NotFound);
        // Bulk re-triage: the counts, or 400 for a bad filter or a parameter that is not a filter.
        await ExpectAsync(client, Bare(HttpMethod.Post, $"{tickets}triage/?resolution_status=OPEN&priority__in=HIGH,URGENT"), HttpStatusCode.OK);
        await ExpectAsync(client, Bare(HttpMethod.Post, $"{tickets}triage/?ordering=-created"), HttpStatusCode.BadRequest);

        // The thread: each kind added and listed, and each refusal; a customer message on a CLOSED ticket is 409.
        var messages = $"{item}messages/";
        await ExpectAsync(client, Json(HttpMethod.Post, messages, """{"kind":"reply","body":"Looking into it.","author":"Sam (support)"}"""), HttpStatusCode.Created);
        await ExpectAsync(client, Json(HttpMethod.Post, messages, """{"kind":"note","body":"Vendor ticket 881.","channel":"email"}"""), HttpStatusCode.Created);
        await ExpectAsync(client, Bare(HttpMethod.Get, messages), HttpStatusCode.OK);
        await ExpectAsync(client, Bare(HttpMethod.Get, $"{messages}?page=2&page_size=1"), HttpStatusCode.OK);
        await ExpectAsync(client, Bare(HttpMethod.Head, messages), HttpStatusCode.OK);
        await ExpectAsync(client, Bare(HttpMethod.Get, $"{messages}?search=vpn"), HttpStatusCode.BadRequest);
        await ExpectAsync(client, Bare(HttpMethod.Get, $"{messages}?page=9"), HttpStatusCode.NotFound);
        await ExpectAsync(client, Bare(HttpMethod.Get, $"{tickets}999999/messages/"), HttpStatusCode.NotFound);
        await ExpectAsync(client, Json(HttpMethod.Post, $"{tickets}999999/messages/", """{"kind":"note","body":"x"}"""), HttpStatusCode.NotFound);
        await ExpectAsync(client, Json(HttpMethod.Post, messages, """{"kind":"note"}"""), HttpStatusCode.BadRequest);
        await ExpectAsync(client, Json(HttpMethod.Post, messages, """{"kind":"email","body":"x"}"""), HttpStatusCode.UnprocessableEntity);
        await ExpectAsync(client, Json(HttpMethod.Post, messages, """{"kind":"note","body":"x"}""", "text/plain"), HttpStatusCode.UnsupportedMediaType);
        await ExpectAsync(client, Json(HttpMethod.Post, messages, $$"""{"kind":"note","body":"{{new string('a', 300 * 1024)}}"}"""), HttpStatusCode.RequestEntityTooLarge);
        var closed = (long)JsonNode.Parse(await ExpectAsync(client, Json(HttpMethod.Post, tickets, """{"title":"Closed one"}"""), HttpStatusCode.Created))!["id"]!;
        await ExpectAsync(client, Json(HttpMethod.Patch, $"{tickets}{closed}/", """{"resolution_status":"RESOLVED"}"""), HttpStatusCode.OK);
        await ExpectAsync(client, Json(HttpMethod.Patch, $"{tickets}{closed}/", """{"resolution_status":"CLOSED"}"""), HttpStatusCode.OK);
        await ExpectAsync(client, Json(HttpMethod.Post, $"{tickets}{closed}/messages/", """{"kind":"customer","body":"Hello?"}"""), HttpStatusCode.Conflict);

        // Replace and patch: success and each refusal.
        foreach (var method in new[] { HttpMethod.Put, HttpMethod.Patch })
        {
            var full = """{"title":"Email outage","description":"Still failing.","resolution_status":"OPEN"}""";
            await ExpectAsync(client, Json(method, item, full), HttpStatusCode.OK);
            await ExpectAsync(client, Json(method, $"{tickets}999999/", full), HttpStatusCode.NotFound);
            await ExpectAsync(client, Json(method, item, """{"title":null,"description":"x","resolution_status":"OPEN"}"""), HttpStatusCode.BadRequest);
            await ExpectAsync(client, Json(method, item, """{"title":"x","description":"x","resolution_status":"DONE"}"""), HttpStatusCode.UnprocessableEntity);
            await ExpectAsync(client, Json(method, item, full, headers: ("If-Match", "\"12345\"")), HttpStatusCode.PreconditionFailed);
            await ExpectAsync(client, Json(method, item, full, "text/plain"), HttpStatusCode.UnsupportedMediaType);
            await ExpectAsync(client, Json(method, item, big), HttpStatusCode.RequestEntityTooLarge);
            await ExpectAsync(client, Json(method, item, """{"title":"x","description":"x","resolution_status":"CLOSED"}"""), HttpStatusCode.Conflict);
        }
        await ExpectAsync(client, Json(HttpMethod.Put, item, """{"title":"only a title"}"""), HttpStatusCode.BadRequest);
        await ExpectAsync(client, Json(HttpMethod.Patch, item, """{"resolution_status":"RESOLVED"}"""), HttpStatusCode.OK);
        await ExpectAsync(client, Json(HttpMethod.Patch, item, "{}"), HttpStatusCode.OK);

        // Delete: refusals first, then the real thing, then it is gone.
        await ExpectAsync(client, Bare(HttpMethod.Delete, item, ("If-Match", "not a tag")), HttpStatusCode.BadRequest);
        await ExpectAsync(client, Bare(HttpMethod.Delete, item, ("If-Match", "\"12345\"")), HttpStatusCode.PreconditionFailed);
        await ExpectAsync(client, Bare(HttpMethod.Delete, item), HttpStatusCode.NoContent);
        await ExpectAsync(client, Bare(HttpMethod.Delete, item), HttpStatusCode.NotFound);

        await ArticleApiScenario.RunAsync(client);
        await OutboxApiScenario.RunAsync(client);
        await DraftApiScenario.RunAsync(client);
        await AuditApiScenario.RunAsync(client);
        await AccountApiScenario.RunAsync(client);
        await TrustApiScenario.RunAsync(client);
        await KeyApiScenario.RunAsync(client);
        await AnalyticsApiScenario.RunAsync(client);

        await ExpectAsync(client, Bare(HttpMethod.Get, "/health"), HttpStatusCode.OK);
        await ExpectAsync(client, Bare(HttpMethod.Head, "/health"), HttpStatusCode.OK);
    }

    public static async Task<string> ExpectAsync(HttpClient client, HttpRequestMessage request, HttpStatusCode status)
    {
        using (request)
        {
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == status, $"{request.Method} {request.RequestUri}: expected {(int)status}, got {(int)response.StatusCode}: {body}");
            return body;
        }
    }
}
