using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AgentHost.Tests.Support;
using Microsoft.Extensions.AI;
using TicketApi.Tests.Infrastructure;

namespace AgentHost.Tests.Sessions;

/// <summary>
/// Whole hosts on one database (docs/chat-sse.md, "Where sessions are stored"): a host started again on the same
/// database continues the conversation, <c>GET /chat/sessions/{id}</c> shows it, and two hosts side by side never
/// answer one session at once. The offline planner answers, the embedded ticket service files the tickets.
/// Runs on SQLite and PostgreSQL.
/// </summary>
public abstract class ChatSessionRestartTests(TicketStoreFixture stores) : IDisposable
{
    private readonly string _database = stores.CreateDatabase();

    public void Dispose()
    {
        stores.DropDatabase(_database);
        GC.SuppressFinalize(this);
    }

    private AgentHostFactory Host(IChatClient? provider = null, TimeProvider? clock = null) =>
        new() { DatabaseConnectionString = _database, Provider = provider, Clock = clock };

    private static async Task<(List<Frame> Frames, string Text, string SessionId)> SayAsync(HttpClient client, string message, string? sessionId = null)
    {
        using var response = await client.PostAsJsonAsync("/chat", new { message, session_id = sessionId });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (frames, _) = await SseReader.ReadAllAsync(response);
        Assert.True(frames[^1].Event == "end", $"'{message}' ended with {frames[^1].Event}: {frames[^1].Data}");
        return (frames, SseReader.Text(frames), frames[^1].Data.GetProperty("session_id").GetString()!);
    }

    [Fact]
    public async Task A_delete_confirmation_asked_before_a_restart_is_honoured_after_it()
    {
        string session;
        await using (var before = Host())
        {
            var client = before.CreateClient();
            (_, _, session) = await SayAsync(client, "Create a ticket about email failures");
            var (_, question, _) = await SayAsync(client, "delete ticket 1", session);
            Assert.Contains("Reply \"yes\" to delete ticket #1", question);
        }

        await using var after = Host();
        var restarted = after.CreateClient();
        var (frames, _, _) = await SayAsync(restarted, "yes", session);
        using var deleted = await restarted.GetAsync("/api/tickets/1/");

        Assert.Equal(["get_ticket", "delete_ticket"], frames.Where(f => f.Event == "tool").Select(f => f.Data.GetProperty("name").GetString()));
        Assert.All(frames.Where(f => f.Event == "tool"), f => Assert.Equal("succeeded", f.Data.GetProperty("status").GetString()));
        Assert.Equal($"{session}:3:1", frames[0].Id); // turns keep counting across the restart
        Assert.Equal(HttpStatusCode.NotFound, deleted.StatusCode);
    }

    [Fact]
    public async Task Get_returns_the_transcript_and_the_ids_of_tickets_filed_in_the_session_after_a_restart()
    {
        string session;
        await using (var before = Host())
        {
            var client = before.CreateClient();
            (_, _, session) = await SayAsync(client, "Create a ticket about email failures");
            await SayAsync(client, "what's open?", session);
            await SayAsync(client, "Create a ticket about printer jams", session);
        }

        await using var after = Host();
        var transcript = await after.CreateClient().GetFromJsonAsync<JsonElement>($"/chat/sessions/{session}");

        Assert.Equal(session, transcript.GetProperty("id").GetString());
        Assert.Equal([1L, 2L], transcript.GetProperty("ticket_ids").EnumerateArray().Select(id => id.GetInt64()));
        var turns = transcript.GetProperty("turns").EnumerateArray().ToList();
        Assert.Equal(["user", "assistant", "user", "assistant", "user", "assistant"], turns.Select(t => t.GetProperty("role").GetString()));
        Assert.Equal("Create a ticket about email failures", turns[0].GetProperty("text").GetString());
        Assert.StartsWith("I filed ticket #1 'Email failures'", turns[1].GetProperty("text").GetString(), StringComparison.Ordinal);
        var call = Assert.Single(turns[1].GetProperty("tool_calls").EnumerateArray());
        Assert.Equal("create_ticket", call.GetProperty("name").GetString());
        Assert.Equal("Email failures", call.GetProperty("arguments").GetProperty("title").GetString());
        Assert.True(call.GetProperty("result").GetProperty("ok").GetBoolean());
        Assert.Empty(turns[0].GetProperty("tool_calls").EnumerateArray());
        Assert.All(turns, t => Assert.EndsWith("Z", t.GetProperty("time").GetString(), StringComparison.Ordinal));
        Assert.True(transcript.GetProperty("last_used").GetDateTime() >= transcript.GetProperty("created").GetDateTime());
    }

    [Fact]
    public async Task A_reconnect_to_a_turn_answered_before_a_restart_is_204_and_runs_nothing()
    {
        string lastId;
        await using (var before = Host())
        {
            var (frames, _, _) = await SayAsync(before.CreateClient(), "Create a ticket about email failures", "s1");
            lastId = frames[0].Id!; // the client saw only the first frame
        }

        await using var after = Host();
        var client = after.CreateClient();
        using var reconnect = new HttpRequestMessage(HttpMethod.Get, "/chat?message=Create%20a%20ticket%20about%20email%20failures&session_id=s1");
        reconnect.Headers.Add("Last-Event-ID", lastId);
        using var response = await client.SendAsync(reconnect);
        var count = await client.GetFromJsonAsync<JsonElement>("/api/tickets/?page_size=1");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(1, count.GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task A_session_answering_on_one_host_is_busy_on_another_host_of_the_same_database()
    {
        var slow = new GatedChatClient();
        await using var hostA = Host(slow);
        await using var hostB = Host();
        using var running = await hostA.CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Get, "/chat?message=hi&session_id=shared"),
            HttpCompletionOption.ResponseHeadersRead);
        var runningFrames = SseReader.ReadAllAsync(running);
        await slow.FirstWordSent.Task.WaitAsync(TimeSpan.FromSeconds(20));

        var clientB = hostB.CreateClient();
        using var busy = await clientB.PostAsJsonAsync("/chat", new { message = "what's open?", session_id = "shared" });
        var problem = await busy.Content.ReadFromJsonAsync<JsonElement>();
        slow.Gate.SetResult();
        var (frames, _) = await runningFrames.WaitAsync(TimeSpan.FromSeconds(20));
        var (next, _, _) = await SayAsync(clientB, "what's open?", "shared");

        Assert.Equal(HttpStatusCode.Conflict, busy.StatusCode);
        Assert.Equal("application/problem+json", busy.Content.Headers.ContentType?.MediaType);
        Assert.Contains("still answering", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("end", frames[^1].Event);
        Assert.Equal("shared:2:1", next[0].Id);
    }

    [Fact]
    public async Task A_turn_overtaken_after_its_lease_by_another_host_is_not_saved_and_says_so()
    {
        var clock = new FixedTimeProvider(DateTimeOffset.UtcNow);
        var slow = new GatedChatClient();
        await using var hostA = Host(slow, clock);
        await using var hostB = Host(clock: clock);
        using var running = await hostA.CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Get, "/chat?message=hi&session_id=shared"),
            HttpCompletionOption.ResponseHeadersRead);
        var runningFrames = SseReader.ReadAllAsync(running);
        await slow.FirstWordSent.Task.WaitAsync(TimeSpan.FromSeconds(20));

        clock.Now += new AgentHost.Chat.Sessions.ChatSessionOptions().TurnLease + TimeSpan.FromSeconds(1); // host A looks dead
        var clientB = hostB.CreateClient();
        await SayAsync(clientB, "what's open?", "shared");
        slow.Gate.SetResult();
        var (frames, _) = await runningFrames.WaitAsync(TimeSpan.FromSeconds(20));
        var transcript = await clientB.GetFromJsonAsync<JsonElement>("/chat/sessions/shared");

        Assert.Equal("error", frames[^1].Event);
        Assert.Equal(AgentHost.Chat.ChatTurnRunner.NotSaved, frames[^1].Data.GetProperty("message").GetString());
        Assert.Equal(["what's open?"], transcript.GetProperty("turns").EnumerateArray()
            .Where(t => t.GetProperty("role").GetString() == "user").Select(t => t.GetProperty("text").GetString()));
    }
}

public sealed class ChatSessionRestartOnSqliteTests() : ChatSessionRestartTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class ChatSessionRestartOnPostgresTests(PostgresServer server) : ChatSessionRestartTests(server);
