using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AgentHost.Chat.Sessions;
using AgentHost.Chat.Sessions.Storage;
using AgentHost.Tests.Support;
using AgentTickets.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AgentHost.Tests.Sessions;

/// <summary>
/// <c>GET /chat/sessions/{id}</c>'s refusals and its HEAD twin, and where sessions are stored (docs/chat-sse.md,
/// "Reading a session" and "Where sessions are stored"). The stored contents are proved on both stores by
/// <see cref="ChatSessionRestartTests"/>.
/// </summary>
public class ChatSessionEndpointTests
{
    private static async Task<string> StartSessionAsync(HttpClient client)
    {
        using var response = await client.PostAsJsonAsync("/chat", new { message = "what's open?" });
        var (frames, _) = await SseReader.ReadAllAsync(response);
        return frames[^1].Data.GetProperty("session_id").GetString()!;
    }

    [Fact]
    public async Task An_unknown_session_is_a_404_problem()
    {
        await using var factory = new AgentHostFactory();

        using var response = await factory.CreateClient().GetAsync("/chat/sessions/nosuch");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("'nosuch' was not found", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("has%20space")]
    [InlineData("s1%3A1%3A2")]
    [InlineData("%3Cscript%3E")]
    public async Task A_malformed_session_id_is_a_400_problem(string id)
    {
        await using var factory = new AgentHostFactory();

        using var response = await factory.CreateClient().GetAsync($"/chat/sessions/{id}");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("1-64 letters", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_id_longer_than_64_characters_is_a_400_problem()
    {
        await using var factory = new AgentHostFactory();

        using var response = await factory.CreateClient().GetAsync($"/chat/sessions/{new string('a', 65)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_session_idle_past_the_timeout_is_a_404_though_it_is_not_swept_yet()
    {
        var clock = new FixedTimeProvider(DateTimeOffset.UtcNow);
        await using var factory = new AgentHostFactory { Clock = clock };
        var client = factory.CreateClient();
        var session = await StartSessionAsync(client);
        using var fresh = await client.GetAsync($"/chat/sessions/{session}");

        clock.Now += TimeSpan.FromMinutes(31);
        using var expired = await client.GetAsync($"/chat/sessions/{session}");

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        Assert.Equal(1, await factory.Services.GetRequiredService<ChatSessionStore>().Repository.CountAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    public async Task A_page_of_another_site_cannot_read_a_transcript(string header, string value)
    {
        await using var factory = new AgentHostFactory();
        var client = factory.CreateClient();
        var session = await StartSessionAsync(client);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/chat/sessions/{session}");
        request.Headers.TryAddWithoutValidation(header, value);

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("what's open", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Head_answers_as_get_without_the_transcript()
    {
        await using var factory = new AgentHostFactory { OverLoopback = true }.Started();
        var address = factory.ClientOptions.BaseAddress;
        using var client = new HttpClient { BaseAddress = address };
        var session = await StartSessionAsync(client);

        var found = await HeadChecks.AssertHeadMatchesGetAsync(address, $"/chat/sessions/{session}");
        var missing = await HeadChecks.AssertHeadMatchesGetAsync(address, "/chat/sessions/nosuch");

        Assert.Equal(200, found.Status);
        Assert.Equal(404, missing.Status);
    }

    [Fact]
    public async Task A_turn_whose_model_fails_saves_nothing_and_the_next_message_is_answered_at_once()
    {
        var model = new ScriptedChatClient(
            _ => throw new HttpRequestException("connection refused"),
            _ => [ScriptedChatClient.Text("back again")]);
        await using var factory = new AgentHostFactory { Provider = model };
        var client = factory.CreateClient();

        using var failed = await client.GetAsync("/chat?message=first&session_id=s1");
        var (failedFrames, _) = await SseReader.ReadAllAsync(failed);
        using var next = await client.GetAsync("/chat?message=second&session_id=s1");
        var (nextFrames, _) = await SseReader.ReadAllAsync(next);
        var transcript = await client.GetFromJsonAsync<JsonElement>("/chat/sessions/s1");

        Assert.Equal("error", failedFrames[^1].Event);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal("end", nextFrames[^1].Event);
        Assert.Equal(["second", "back again"], transcript.GetProperty("turns").EnumerateArray().Select(t => t.GetProperty("text").GetString()));
        Assert.DoesNotContain(model.Received[1], m => m.Text == "first"); // the failed turn is not in the history either
    }

    [Theory]
    [InlineData("", "Data Source=tickets.db", "Data Source=sessions.db", "Data Source=tickets.db")]
    [InlineData("", null, "Data Source=sessions.db", "Data Source=data/tickets.db")]
    [InlineData("http://tickets.example/", "Data Source=tickets.db", "Data Source=sessions.db", "Data Source=sessions.db")]
    [InlineData("http://tickets.example/", "Data Source=tickets.db", null, ChatSessionDatabase.DefaultConnectionString)]
    public void Sessions_live_with_the_embedded_tickets_or_else_in_their_own_database(string ticketApiUrl, string? tickets, string? sessions, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TICKET_API_URL"] = ticketApiUrl,
            ["ConnectionStrings:Tickets"] = tickets,
            ["ConnectionStrings:ChatSessions"] = sessions,
        }).Build();

        Assert.Equal(expected, ChatSessionDatabase.ConnectionStringFrom(configuration));
    }
}
