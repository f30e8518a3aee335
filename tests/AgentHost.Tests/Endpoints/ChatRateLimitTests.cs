using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using AgentHost.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using TicketApi.Limits;
using static AgentHost.Tests.Support.ScriptedChatClient;

namespace AgentHost.Tests.Endpoints;

/// <summary>
/// Chat turns are rate limited (docs/accounts.md, "Limits"; docs/chat-sse.md, "Errors"): over the limit the answer is
/// a 429 problem with Retry-After before any stream starts, even to an EventSource asking for text/event-stream;
/// a reconnect that resumes a turn is never refused.
/// </summary>
public class ChatRateLimitTests
{
    private static AgentHostFactory OneTurnAMinute() => new()
    {
        Provider = new ScriptedChatClient(_ => [Text("Hello.")]) { RepeatLastStep = true },
        ConfigureServices = services => services.AddSingleton(new RateLimitSettings { Chat = new(Burst: 1, PerMinute: 1), LocalFactor = 1 }),
    };

    [Fact]
    public async Task A_chat_turn_over_the_limit_is_a_429_problem_with_retry_after_before_the_stream()
    {
        await using var factory = OneTurnAMinute();
        var client = factory.CreateClient();
        using var first = await client.GetAsync(new Uri("/chat?message=hi", UriKind.Relative));
        await first.Content.ReadAsStringAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/chat?message=hi again");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var refused = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal(429, (int)JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["status"]!);
    }

    [Fact]
    public async Task A_reconnect_that_resumes_a_turn_is_not_counted_as_a_turn()
    {
        await using var factory = OneTurnAMinute();
        var client = factory.CreateClient();
        using var first = await client.GetAsync(new Uri("/chat?message=hi", UriKind.Relative));
        var lastId = (await first.Content.ReadAsStringAsync()).Split('\n').Last(line => line.StartsWith("id: ", StringComparison.Ordinal))[4..];

        using var resume = new HttpRequestMessage(HttpMethod.Get, "/chat?message=hi");
        resume.Headers.Add("Last-Event-ID", lastId);
        using var resumed = await client.SendAsync(resume);

        Assert.Equal(HttpStatusCode.NoContent, resumed.StatusCode);
    }
}
