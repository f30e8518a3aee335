using TicketApi.Channels;
using TicketApi.Contracts;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests.Channels.Freshdesk;

/// <summary>
/// Mirroring Freshdesk's tickets and conversations (docs/channels.md, "Freshdesk connector"): exactly once, under
/// 429s and a server that fails mid-page, and a re-poll updates rather than duplicates.
/// </summary>
public abstract class FreshdeskMirrorTests(TicketStoreFixture store) : IAsyncLifetime
{
    private FakeFreshdesk _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeFreshdesk.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public async Task Two_hundred_and_fifty_tickets_are_mirrored_exactly_once_under_periodic_429s()
    {
        for (var n = 1; n <= 250; n++)
        {
            _fake.AddTicket(n);
        }
        _fake.Faults = (number, _) => number % 7 == 0 ? Fault.TooMany("2") : null;
        await using var host = new FreshdeskHost(store, _fake);

        for (var cycle = 0; cycle < 3; cycle++)
        {
            await host.RunCycleAsync();
            Assert.Equal(ChannelStatus.Ok, host.Status.State);
        }
        await host.RunCycleAsync(); // nothing new: a re-poll adds nothing

        var mirrored = await host.MirroredAsync();
        Assert.Equal(250, mirrored.Count);
        Assert.Equal(Enumerable.Range(1, 250).Select(n => $"Freshdesk subject {n}").Order(), mirrored.Select(m => m.Ticket.Title).Order());
        var (ticket, messages) = Assert.Single(mirrored, m => m.Ticket.Title == "Freshdesk subject 42");
        Assert.Equal("Description of Freshdesk ticket 42: the printer on floor 0 jams.", ticket.Description);
        Assert.Equal("Requester 42", ticket.RequesterName);
        Assert.Equal("requester42@example.com", ticket.RequesterEmail);
        Assert.Equal(TicketMessageChannels.Freshdesk, ticket.Channel);
        Assert.Equal(["Conversation 0 of ticket 42", "Conversation 1 of ticket 42"], messages.Select(m => m.Body));
        Assert.Equal([TicketMessageKinds.Customer, TicketMessageKinds.Reply], messages.Select(m => m.Kind));
        Assert.Equal("Requester 42", messages[0].Author);
        Assert.All(mirrored, m => Assert.Equal(2, m.Messages.Count));
        Assert.All(mirrored.SelectMany(m => m.Messages), m => Assert.Equal(TicketMessageChannels.Freshdesk, m.Channel));
        Assert.Equal(500 + 250, host.Status.Imported);
        // Every 429 was waited out for its Retry-After, and every request after a cycle's first was paced by 3 s.
        Assert.Equal(_fake.Requests.Count / 7, host.Delays.Delays.Count(d => d == TimeSpan.FromSeconds(2)));
        Assert.Equal(_fake.Requests.Count - 4, host.Delays.Delays.Count(d => d == TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task A_repoll_after_changes_updates_the_ticket_and_adds_only_the_new_conversations()
    {
        var first = _fake.AddTicket(1);
        var second = _fake.AddTicket(2);
        await using var host = new FreshdeskHost(store, _fake);
        await host.RunCycleAsync();

        second.Subject = "Printer jams on floor 2, now smoking";
        second.RequesterName = "Requester Two";
        _fake.AddConversation(second, "It smells of smoke now.", incoming: true, isPrivate: false, FakeFreshdesk.Epoch.AddHours(1));
        _fake.AddConversation(second, "Facilities called.", incoming: false, isPrivate: true, FakeFreshdesk.Epoch.AddHours(1).AddSeconds(1));
        var requestsBefore = _fake.Requests.Count;
        await host.RunCycleAsync();

        var mirrored = await host.MirroredAsync();
        Assert.Equal(2, mirrored.Count);
        var (ticket, messages) = Assert.Single(mirrored, m => m.Ticket.Title == "Printer jams on floor 2, now smoking");
        Assert.Equal("Requester Two", ticket.RequesterName);
        Assert.Equal(
            [(TicketMessageKinds.Customer, "Conversation 0 of ticket 2"), (TicketMessageKinds.Reply, "Conversation 1 of ticket 2"),
             (TicketMessageKinds.Customer, "It smells of smoke now."), (TicketMessageKinds.Note, "Facilities called.")],
            messages.Select(m => (m.Kind, m.Body)));
        Assert.Equal(2, Assert.Single(mirrored, m => m.Ticket.Title == first.Subject).Messages.Count);
        // The unchanged ticket cost no conversation request: one list page, one conversation list.
        Assert.Equal(2, _fake.Requests.Count - requestsBefore);
    }

    [Fact]
    public async Task A_server_failing_mid_page_resumes_on_the_next_cycle_without_loss_or_duplicates()
    {
        for (var n = 1; n <= 150; n++)
        {
            _fake.AddTicket(n);
        }
        var pageTwoDropped = 0;
        var conversationsFailed = 0;
        _fake.Faults = (_, request) =>
            request.Path == "/api/v2/tickets" && request.Query["page"] == "2" && Interlocked.Increment(ref pageTwoDropped) == 1 ? Fault.DroppedMidBody
            : request.Path == "/api/v2/tickets/120/conversations" && Interlocked.Increment(ref conversationsFailed) == 1 ? Fault.ServerError
            : null;
        await using var host = new FreshdeskHost(store, _fake, new Dictionary<string, string?> { ["FRESHDESK_MAX_RETRIES"] = "0", ["FRESHDESK_TICKET_LIMIT"] = "500" });

        await host.RunCycleAsync();
        Assert.Equal(ChannelStatus.Failing, host.Status.State);
        Assert.Contains("GET /api/v2/tickets", host.Status.LastError, StringComparison.Ordinal);
        Assert.Equal(100, (await host.MirroredAsync()).Count); // the first page, committed

        await host.RunCycleAsync(); // page 2 now whole, but ticket 120's conversations fail
        Assert.Equal(ChannelStatus.Failing, host.Status.State);
        Assert.Contains("/api/v2/tickets/120/conversations", host.Status.LastError, StringComparison.Ordinal);
        await host.RunCycleAsync();
        Assert.Equal(ChannelStatus.Ok, host.Status.State);
        await host.RunCycleAsync();

        var mirrored = await host.MirroredAsync();
        Assert.Equal(150, mirrored.Count);
        Assert.Equal(150, mirrored.Select(m => m.Ticket.Title).Distinct().Count());
        Assert.All(mirrored, m => Assert.Equal(2, m.Messages.Count));
    }
}

public sealed class FreshdeskMirrorOnSqliteTests() : FreshdeskMirrorTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class FreshdeskMirrorOnPostgresTests(PostgresServer server) : FreshdeskMirrorTests(server);
