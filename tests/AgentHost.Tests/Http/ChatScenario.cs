using System.Net;
using AgentTickets.Testing;
using static AgentTickets.Testing.ConformanceRequests;

namespace AgentHost.Tests.Http;

/// <summary>
/// Every documented answer of /chat, provoked by real requests, so the conformance check of the agent host's
/// OpenAPI document covers the chat operations too (docs/chat-sse.md).
/// </summary>
internal static class ChatScenario
{
    public static async Task RunAsync(HttpClient client)
    {
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post })
        {
            var start = method == HttpMethod.Get
                ? Bare(method, "/chat?message=what%27s%20open%3F")
                : Json(method, "/chat", """{"message":"what's open?"}""");
            var stream = await TicketApiScenario.ExpectAsync(client, start, HttpStatusCode.OK);
            var lastId = stream.Split('\n').Last(line => line.StartsWith("id: ", StringComparison.Ordinal))["id: ".Length..];

            // A reconnect after the last frame: nothing is left to send, so 204 tells EventSource to stop.
            await TicketApiScenario.ExpectAsync(client, Bare(method, "/chat?message=x", ("Last-Event-ID", lastId)), HttpStatusCode.NoContent);
            await TicketApiScenario.ExpectAsync(client, Bare(method, "/chat?message=x", ("Last-Event-ID", "not an id")), HttpStatusCode.BadRequest);
            await TicketApiScenario.ExpectAsync(client, Bare(method, "/chat?message=x", ("Origin", "https://evil.example")), HttpStatusCode.Forbidden);

            // The same idempotency key with another message is refused rather than replaying the wrong turn.
            var key = $"key-{method.Method}";
            await TicketApiScenario.ExpectAsync(client, ChatMessage(method, "what's open?", key), HttpStatusCode.OK);
            await TicketApiScenario.ExpectAsync(client, ChatMessage(method, "what's closed?", key), HttpStatusCode.UnprocessableEntity);
        }

        await TicketApiScenario.ExpectAsync(client, Bare(HttpMethod.Get, "/chat"), HttpStatusCode.BadRequest);

        // The stored session that last turn made, and the refusals of reading one.
        var turn = await TicketApiScenario.ExpectAsync(client, Bare(HttpMethod.Get, "/chat?message=what%27s%20open%3F&session_id=scenario"), HttpStatusCode.OK);
        Assert.Contains("\"session_id\":\"scenario\"", turn, StringComparison.Ordinal);
        await TicketApiScenario.ExpectAsync(client, Bare(HttpMethod.Get, "/chat/sessions/scenario"), HttpStatusCode.OK);
        await TicketApiScenario.ExpectAsync(client, Bare(HttpMethod.Get, "/chat/sessions/nosuch"), HttpStatusCode.NotFound);
        await TicketApiScenario.ExpectAsync(client, Bare(HttpMethod.Get, "/chat/sessions/not%20an%20id"), HttpStatusCode.BadRequest);
        await TicketApiScenario.ExpectAsync(client, Bare(HttpMethod.Get, "/chat/sessions/scenario", ("Origin", "https://evil.example")), HttpStatusCode.Forbidden);
        await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Post, "/chat", """{"message":"  "}"""), HttpStatusCode.BadRequest);
        await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Post, "/chat", """{"message":"hi"}""", "text/plain"), HttpStatusCode.UnsupportedMediaType);
        await TicketApiScenario.ExpectAsync(client, Json(HttpMethod.Post, "/chat", $$"""{"message":"{{new string('a', 100_000)}}"}"""), HttpStatusCode.RequestEntityTooLarge);
    }

    private static HttpRequestMessage ChatMessage(HttpMethod method, string message, string idempotencyKey) =>
        method == HttpMethod.Get
            ? Bare(method, $"/chat?message={Uri.EscapeDataString(message)}", ("Idempotency-Key", idempotencyKey))
            : Json(method, "/chat", $$"""{"message":"{{message}}"}""", headers: ("Idempotency-Key", idempotencyKey));
}
