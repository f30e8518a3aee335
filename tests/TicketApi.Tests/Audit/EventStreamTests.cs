using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AgentTickets.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TicketApi.Accounts;
using TicketApi.Data;
using TicketApi.Events;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests.Audit;

/// <summary>
/// <c>GET /api/events</c> read as a browser's EventSource reads it (docs/accounts.md, "Live events"): the framing,
/// resuming with Last-Event-ID, the missed-events frame, who sees which event, heartbeats, and the end of the stream.
/// </summary>
public abstract class EventStreamTests(TicketStoreFixture store) : TicketApiTest(store)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private static async Task<EventSourceReader> OpenAsync(HttpClient client, string url = "/api/events", string? lastEventId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        var reader = new EventSourceReader(await response.Content.ReadAsStreamAsync(), response);
        await reader.ReadOpeningAsync(Deadline);
        return reader;
    }

    /// <summary>The first <paramref name="count"/> events of a stream opened for them, which is closed afterwards.</summary>
    private async Task<List<DispatchedEvent>> ReadFromAsync(int count, string url = "/api/events", string? lastEventId = null)
    {
        using var events = await OpenAsync(Client, url, lastEventId);
        return await events.ReadAsync(count, Deadline);
    }

    private static JsonObject Data(DispatchedEvent e) => JsonNode.Parse(e.Data)!.AsObject();

    [Fact]
    public async Task A_stream_sends_each_change_as_it_commits_with_id_event_and_one_json_data_line()
    {
        using var events = await OpenAsync(Client);

        var ticket = await CreateTicketAsync();
        var id = (long)ticket["id"]!;
        await PatchJsonAsync($"/api/tickets/{id}/", """{"resolution_status":"RESOLVED"}""");
        await PostJsonAsync($"/api/tickets/{id}/messages/", """{"kind":"note","body":"Vendor ticket 881."}""");
        var received = await events.ReadAsync(3, Deadline);

        Assert.Equal(TimeSpan.FromSeconds(3), events.Retry);
        Assert.Equal(["ticket.created", "ticket.status_changed", "message.created"], received.Select(e => e.Type));
        var ids = received.Select(e => long.Parse(e.LastEventId, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.All(received, e => Assert.Equal(id, (long)Data(e)["ticket_id"]!));
        Assert.All(received, e => Assert.Equal(long.Parse(e.LastEventId, System.Globalization.CultureInfo.InvariantCulture), (long)Data(e)["id"]!));
        Assert.Equal("RESOLVED", (string)Data(received[1])["status"]!);
        Assert.Equal("note", (string)Data(received[2])["message_kind"]!);
        Assert.Equal("2025-01-08T14:15:22.123456Z", (string)Data(received[0])["at"]!);
        Assert.Equal((string)ticket["priority"]! == "URGENT", (bool)Data(received[0])["urgent"]!);
    }

    [Fact]
    public async Task An_urgent_ticket_is_flagged_in_its_events()
    {
        using var events = await OpenAsync(Client);

        await PostJsonAsync("/api/tickets/", """{"title":"Server room is flooding","priority":"URGENT"}""");
        await PostJsonAsync("/api/tickets/", """{"title":"Font looks odd","priority":"LOW"}""");

        var received = await events.ReadAsync(2, Deadline);
        Assert.True((bool)Data(received[0])["urgent"]!);
        Assert.False((bool)Data(received[1])["urgent"]!);
    }

    [Fact]
    public async Task Resuming_with_Last_Event_ID_replays_what_came_after_it_and_the_query_parameter_does_the_same()
    {
        await CreateTicketAsync("First");
        await CreateTicketAsync("Second");
        await CreateTicketAsync("Third");
        var all = await ReadFromAsync(3, "/api/events?last_event_id=0");

        var byHeader = await ReadFromAsync(2, lastEventId: all[0].LastEventId);
        var byQuery = await ReadFromAsync(2, $"/api/events?last_event_id={all[0].LastEventId}");
        var headerWins = await ReadFromAsync(1, "/api/events?last_event_id=0", lastEventId: all[1].LastEventId);

        Assert.Equal(all[1..].Select(e => e.LastEventId), byHeader.Select(e => e.LastEventId));
        Assert.Equal(all[1..].Select(e => e.LastEventId), byQuery.Select(e => e.LastEventId));
        Assert.Equal(all[2].LastEventId, headerWins[0].LastEventId);
    }

    [Theory]
    [InlineData("/api/events?last_event_id=abc", null, "last_event_id")]
    [InlineData("/api/events?last_event_id=-1", null, "last_event_id")]
    [InlineData("/api/events", "12x", "Last-Event-ID")]
    public async Task A_last_event_id_that_is_not_an_event_id_is_a_400_problem_naming_where_it_came_from(string url, string? header, string field)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (header is not null)
        {
            request.Headers.Add("Last-Event-ID", header);
        }

        var problem = await AssertProblemAsync(await Client.SendAsync(request), HttpStatusCode.BadRequest);

        Assert.NotEmpty(FieldErrors(problem, field));
    }

    [Fact]
    public async Task Resuming_from_an_id_older_than_the_table_keeps_starts_with_a_missed_frame_then_what_is_kept()
    {
        for (var i = 0; i < 4; i++)
        {
            await CreateTicketAsync($"Ticket {i}");
        }
        var all = await ReadFromAsync(4, "/api/events?last_event_id=0");
        Assert.Equal(2, await PruneAsync(keep: 2));

        var resumed = await ReadFromAsync(3, lastEventId: all[0].LastEventId);
        var current = await ReadFromAsync(2, lastEventId: all[1].LastEventId);

        Assert.Equal("events.missed", resumed[0].Type);
        Assert.Equal(long.Parse(all[0].LastEventId, System.Globalization.CultureInfo.InvariantCulture), (long)Data(resumed[0])["last_event_id"]!);
        Assert.Equal(long.Parse(all[2].LastEventId, System.Globalization.CultureInfo.InvariantCulture), (long)Data(resumed[0])["oldest_kept"]!);
        Assert.Equal(all[2..].Select(e => e.LastEventId), resumed[1..].Select(e => e.LastEventId));
        Assert.Equal(all[2..].Select(e => e.LastEventId), current.Select(e => e.LastEventId));
    }

    [Fact]
    public async Task Pruning_keeps_the_newest_events_and_does_nothing_while_the_table_is_within_bounds()
    {
        for (var i = 0; i < 3; i++)
        {
            await CreateTicketAsync($"Ticket {i}");
        }

        Assert.Equal(0, await PruneAsync(keep: 3));
        Assert.Equal(2, await PruneAsync(keep: 1));
        Assert.Equal(0, await PruneAsync(keep: 1));
        await using var scope = Factory.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<TicketDbContext>().Set<TicketEvent>().CountAsync());
    }

    [Fact]
    public async Task An_event_another_process_wrote_reaches_an_open_stream_by_polling()
    {
        using var factory = new TicketApiFactory(Factory.Store, services => services.AddSingleton(new EventSettings { Poll = TimeSpan.FromMilliseconds(100) }));
        using var client = factory.CreateClient();
        using var events = await OpenAsync(client);

        // A plain INSERT, as another process's write looks to this one: no in-process signal.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TicketDbContext>();
            var at = db.Database.IsSqlite() ? (object)StoredValues.ToMicroseconds(DateTime.UtcNow) : DateTime.UtcNow;
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO ticket_events (at, type, ticket_id, data, urgent, requester_email, staff_only) VALUES ({0}, 'ticket.updated', 42, '{{\"fields\":[\"title\"]}}', {1}, NULL, {1})",
                at, db.Database.IsSqlite() ? 0 : false);
        }

        var received = (await events.ReadAsync(1, Deadline))[0];
        Assert.Equal("ticket.updated", received.Type);
        Assert.Equal(42, (long)Data(received)["ticket_id"]!);
    }

    [Fact]
    public async Task A_quiet_stream_sends_heartbeat_comments_that_dispatch_nothing()
    {
        using var factory = new TicketApiFactory(Factory.Store, services => services.AddSingleton(new EventSettings { Heartbeat = TimeSpan.FromMilliseconds(100) }));
        using var client = factory.CreateClient();
        using var events = await OpenAsync(client);
        var openingComments = events.Comments;

        using var until = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => events.ReadAsync(until.Token));

        Assert.True(events.Comments >= openingComments + 2, $"{events.Comments - openingComments} heartbeats in 2 s at one per 100 ms");
    }

    [Fact]
    public async Task Stopping_the_host_ends_an_open_stream_rather_than_waiting_for_the_client()
    {
        var factory = new TicketApiFactory(Factory.Store);
        var client = factory.CreateClient();
        using var events = await OpenAsync(client);
        var reading = events.ReadAsync(CancellationToken.None);

        var stopping = Task.Run(factory.Dispose);

        Assert.Same(stopping, await Task.WhenAny(stopping, Task.Delay(Deadline)));
        await stopping;
        Assert.Same(reading, await Task.WhenAny(reading, Task.Delay(Deadline)));
        // The stream ended (cleanly, or as a read the closing server cut short) with no event in it.
        Assert.Null(await reading.ContinueWith(read => read.IsCompletedSuccessfully ? read.Result : null, TaskScheduler.Default));
    }

    [Fact]
    public async Task A_requester_sees_their_own_tickets_events_but_no_one_elses_and_no_notes_or_drafts()
    {
        using var factory = new TicketApiFactory(Factory.Store, services => services.AddSingleton(new AccountSettings { Mode = AuthMode.Required }));
        using var dana = await TestAccounts.SignInAsync(factory, "dana@example.com", "requester");
        using var agent = await TestAccounts.SignInAsync(factory, "sam@example.com", "agent");
        using var danaEvents = await OpenAsync(dana);
        using var staffEvents = await OpenAsync(agent);

        var mine = await IdOf(await agent.PostAsJsonAsync("/api/tickets/", new { title = "VPN drops", requester_email = "DANA@example.com" }));
        var theirs = await IdOf(await agent.PostAsJsonAsync("/api/tickets/", new { title = "Printer jam", requester_email = "lee@example.com" }));
        await agent.PostAsJsonAsync($"/api/tickets/{mine}/messages/", new { kind = "note", body = "Looks like the concentrator." });
        await agent.PostAsJsonAsync($"/api/tickets/{theirs}/messages/", new { kind = "reply", body = "On it." });
        await agent.PostAsync(new Uri($"/api/tickets/{mine}/draft", UriKind.Relative), JsonContent.Create(new { }));
        await agent.PostAsJsonAsync($"/api/tickets/{mine}/messages/", new { kind = "reply", body = "Please update the client." });

        var seen = await danaEvents.ReadAsync(2, Deadline);
        var staff = await staffEvents.ReadAsync(6, Deadline);

        Assert.Equal(["ticket.created", "message.created"], seen.Select(e => e.Type));
        Assert.All(seen, e => Assert.Equal(mine, (long)Data(e)["ticket_id"]!));
        Assert.Equal("reply", (string)Data(seen[1])["message_kind"]!);
        Assert.Equal(["ticket.created", "ticket.created", "message.created", "message.created", "draft.ready", "message.created"], staff.Select(e => e.Type));
    }

    private static async Task<long> IdOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (long)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!;
    }

    private async Task<int> PruneAsync(int keep)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EventStore>().PruneAsync(keep, CancellationToken.None);
    }
}

public sealed class EventStreamOnSqliteTests() : EventStreamTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class EventStreamOnPostgresTests(PostgresServer server) : EventStreamTests(server);
