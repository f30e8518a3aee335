using System.Net;
using System.Text.Json.Nodes;
using static AgentTickets.Testing.ConformanceRequests;

namespace AgentTickets.Testing;

/// <summary>
/// Assignment and ratings (docs/accounts.md, "Assignment", "Satisfaction") with each answer the scenario's caller can
/// provoke, as real requests; run by <see cref="TicketApiScenario"/>, so both hosts' conformance tests cover them.
/// The caller is the local admin: a rating's own answers need a requester and are in <see cref="Unreachable"/>.
/// </summary>
public static class TrustApiScenario
{
    /// <summary>Answers that need a requester's credential (the scenario acts as staff), and the tests that provoke them.</summary>
    public static readonly IReadOnlyDictionary<string, string> Unreachable = new[] { "201", "400", "409", "413", "415", "422" }
        .ToDictionary(status => $"post /api/tickets/{{id}}/rating {status}", _ => "needs a requester's credential (staff get 403 first): RatingTests")
        .Append(new("put /api/tickets/{id}/assignee 409", "needs 50 concurrent writes in a row to win over the assignment (the store's contention answer, as PATCH's)"))
        .ToDictionary();

    public static async Task RunAsync(HttpClient client)
    {
        var created = await TicketApiScenario.ExpectAsync(client,
            Json(HttpMethod.Post, "/api/tickets/", """{"title":"Assign me","requester_email":"dana@example.com"}"""), HttpStatusCode.Created);
        var id = (long)JsonNode.Parse(created)!["id"]!;
        var assignee = $"/api/tickets/{id}/assignee/";

        await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Put, assignee, """{"assignee":"me"}"""), HttpStatusCode.OK);
        await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Put, assignee, """{"assignee":null}"""), HttpStatusCode.OK);
        await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Put, "/api/tickets/999999/assignee", """{"assignee":"me"}"""), HttpStatusCode.NotFound);
        await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Put, assignee, """{"who":"me"}"""), HttpStatusCode.BadRequest);
        await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Put, assignee, """{"assignee":"nobody-at-all"}"""), HttpStatusCode.UnprocessableEntity);
        await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Put, assignee, """{"assignee":"me"}""", "text/plain"), HttpStatusCode.UnsupportedMediaType);
        await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Put, assignee, """{"assignee":"me"}""", headers: ("If-Match", "\"12345\"")), HttpStatusCode.PreconditionFailed);
        await TicketApiScenario.ExpectAsync(client,
            Json(HttpMethod.Put, assignee, $$"""{"assignee":"{{new string('a', 300 * 1024)}}"}"""), HttpStatusCode.RequestEntityTooLarge);
        await TicketApiScenario.ExpectAsync(client, Bare(HttpMethod.Get, "/api/tickets/?assignee=none&ordering=-id"), HttpStatusCode.OK);

        await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Post, $"/api/tickets/{id}/rating/", """{"score":5}"""), HttpStatusCode.Forbidden);
        await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Post, "/api/tickets/999999/rating", """{"score":5}"""), HttpStatusCode.NotFound);
        await TicketApiScenario.ExpectAsync(client, Bare(HttpMethod.Get, "/api/ratings/summary"), HttpStatusCode.OK);
        await TicketApiScenario.ExpectAsync(client, Bare(HttpMethod.Head, "/api/ratings/summary"), HttpStatusCode.OK);
    }
}
