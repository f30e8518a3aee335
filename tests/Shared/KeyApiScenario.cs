using System.Net;
using System.Text.Json.Nodes;
using static AgentTickets.Testing.ConformanceRequests;

namespace AgentTickets.Testing;

/// <summary>
/// API keys and the live events' refusals (docs/accounts.md, "API keys" and "Live events") with each answer a caller can
/// provoke, as real requests; run by <see cref="TicketApiScenario"/>, so both hosts' conformance tests cover them. The
/// host is in local mode: the local admin issues and revokes, a registered requester gives the 403, a bad token the 401.
/// </summary>
public static class KeyApiScenario
{
    /// <summary>Documented answers no request here can provoke, and where they are tested instead.</summary>
    public static readonly IReadOnlyDictionary<string, string> Unreachable = new Dictionary<string, string>
    {
        ["get /api/events 200"] = "an unending stream, which the recorder would wait for to end: EventStreamTests",
    };

    public static async Task RunAsync(HttpClient client)
    {
        const string keys = "/api/keys";
        var badToken = ("Authorization", "Bearer not-a-token");

        var issued = JsonNode.Parse(await ExpectAsync(client, Json(HttpMethod.Post, keys, """{"name":"ci-bot","scopes":["read"]}"""), HttpStatusCode.Created))!;
        var key = ("Authorization", $"Bearer {(string)issued["key"]!}");
        var item = $"{keys}/{(long)issued["id"]!}";
        await ExpectAsync(client, Json(HttpMethod.Post, keys, """{"name":"ci-bot","scopes": """), HttpStatusCode.BadRequest);
        await ExpectAsync(client, Json(HttpMethod.Post, keys, """{"name":"ci-bot","scopes":["read"]}""", "text/plain"), HttpStatusCode.UnsupportedMediaType);
        await ExpectAsync(client, Json(HttpMethod.Post, keys, """{"name":"","scopes":["root"]}"""), HttpStatusCode.UnprocessableEntity);
        var writer = JsonNode.Parse(await ExpectAsync(client, Json(HttpMethod.Post, keys, """{"name":"writer","scopes":["write"]}"""), HttpStatusCode.Created))!;
        var writeKey = ("Authorization", $"Bearer {(string)writer["key"]!}");
        await ExpectAsync(client, Json(HttpMethod.Post, keys, """{"name":"wider","scopes":["admin"]}""", headers: writeKey), HttpStatusCode.UnprocessableEntity);
        await ExpectAsync(client, Json(HttpMethod.Post, keys, """{"name":"from a read key","scopes":["read"]}""", headers: key), HttpStatusCode.Forbidden);
        await ExpectAsync(client, Json(HttpMethod.Post, keys, """{"name":"ci-bot","scopes":["read"]}""", headers: badToken), HttpStatusCode.Unauthorized);

        await ExpectAsync(client, Bare(HttpMethod.Get, keys), HttpStatusCode.OK);
        await ExpectAsync(client, Bare(HttpMethod.Get, $"{keys}?user=all"), HttpStatusCode.OK);
        await ExpectAsync(client, Bare(HttpMethod.Head, keys), HttpStatusCode.OK);
        await ExpectAsync(client, Bare(HttpMethod.Get, $"{keys}?owner=me"), HttpStatusCode.BadRequest);
        await ExpectAsync(client, Bare(HttpMethod.Get, $"{keys}?user=all", key), HttpStatusCode.Forbidden); // a read key has no admin reach
        await ExpectAsync(client, Bare(HttpMethod.Get, keys, badToken), HttpStatusCode.Unauthorized);

        await ExpectAsync(client, Bare(HttpMethod.Delete, $"{keys}/999999"), HttpStatusCode.NotFound);
        await ExpectAsync(client, Bare(HttpMethod.Delete, item, badToken), HttpStatusCode.Unauthorized);
        await ExpectAsync(client, Bare(HttpMethod.Delete, item, key), HttpStatusCode.Forbidden);
        await ExpectAsync(client, Bare(HttpMethod.Delete, item), HttpStatusCode.NoContent);
        await ExpectAsync(client, Bare(HttpMethod.Delete, item), HttpStatusCode.NoContent);

        await ExpectAsync(client, Bare(HttpMethod.Get, "/api/events?last_event_id=abc"), HttpStatusCode.BadRequest);
        await ExpectAsync(client, Bare(HttpMethod.Get, "/api/events", ("Last-Event-ID", "-1")), HttpStatusCode.BadRequest);
        await ExpectAsync(client, Bare(HttpMethod.Get, "/api/events", badToken), HttpStatusCode.Unauthorized);
    }

    private static Task<string> ExpectAsync(HttpClient client, HttpRequestMessage request, HttpStatusCode status) =>
        TicketApiScenario.ExpectAsync(client, request, status);
}
