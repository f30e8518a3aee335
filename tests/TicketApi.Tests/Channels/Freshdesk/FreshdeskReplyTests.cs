using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TicketApi.Channels;
using TicketApi.Contracts;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests.Channels.Freshdesk;

/// <summary>
/// Posting an approved reply back to Freshdesk (docs/channels.md, "Freshdesk connector: posting back"): once, not
/// by mail, and not twice when the POST arrived but its answer was lost before the host could mark it.
/// </summary>
public abstract class FreshdeskReplyTests(TicketStoreFixture store) : IAsyncLifetime
{
    private FakeFreshdesk _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeFreshdesk.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    private static async Task<(long Id, string Reply)> ApproveDraftAsync(HttpClient client)
    {
        var listed = JsonNode.Parse(await client.GetStringAsync("/api/tickets/"))!;
        var id = (long)listed["results"]![0]!["id"]!;
        var drafted = await client.PostAsJsonAsync($"/api/tickets/{id}/draft", new { });
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        var reply = (string)JsonNode.Parse(await drafted.Content.ReadAsStringAsync())!["reply"]!;
        var sent = await client.PostAsJsonAsync($"/api/tickets/{id}/draft/send", new { });
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        return (id, reply);
    }

    private int Posts => _fake.CountRequests("POST /api/v2/tickets/1/reply");

    [Fact]
    public async Task An_approved_reply_is_posted_back_once_and_not_mailed()
    {
        var source = _fake.AddTicket(1);
        await using var host = new FreshdeskHost(store, _fake);
        await host.RunCycleAsync();
        var (id, reply) = await ApproveDraftAsync(host.Client);
        Assert.Empty(JsonNode.Parse(await host.Client.GetStringAsync("/api/outbox/"))!["results"]!.AsArray());

        await host.RunCycleAsync();
        await host.RunCycleAsync();

        Assert.Equal(1, Posts);
        Assert.Equal(ChannelStatus.Ok, host.Status.State);
        var posted = Assert.Single(source.Conversations, c => c.Body.Contains("agenttickets-reply-", StringComparison.Ordinal));
        Assert.StartsWith("<p>" + WebUtility.HtmlEncode(reply.Split("\n\n")[0]).Replace("\n", "<br>", StringComparison.Ordinal) + "</p>", posted.Body, StringComparison.Ordinal);
        // The poll saw Freshdesk's copy of the reply (the ticket's updated_at moved) and did not import it again.
        var thread = Assert.Single(await host.MirroredAsync(), m => m.Ticket.Id == id).Messages;
        Assert.Equal([TicketMessageKinds.Customer, TicketMessageKinds.Reply, TicketMessageKinds.Reply], thread.Select(m => m.Kind));
        Assert.Empty(JsonNode.Parse(await host.Client.GetStringAsync("/api/outbox/"))!["results"]!.AsArray());
    }

    [Fact]
    public async Task A_reply_whose_answer_was_lost_after_it_arrived_is_found_after_a_restart_and_not_posted_again()
    {
        var source = _fake.AddTicket(1);
        await using var host = new FreshdeskHost(store, _fake);
        await host.RunCycleAsync();
        await ApproveDraftAsync(host.Client);
        _fake.Faults = (_, request) => Microsoft.AspNetCore.Http.HttpMethods.IsPost(request.Method) ? Fault.DroppedMidBody : null;

        await host.RunCycleAsync(); // Freshdesk stores the reply, the answer never arrives
        Assert.Equal(ChannelStatus.Failing, host.Status.State);
        Assert.Contains("whether it arrived is checked", host.Status.LastError, StringComparison.Ordinal);
        await host.RestartAsync();
        _fake.Faults = (_, _) => null;
        await host.RunCycleAsync();
        await host.RunCycleAsync();

        Assert.Equal(1, Posts);
        Assert.Single(source.Conversations, c => c.Body.Contains("agenttickets-reply-", StringComparison.Ordinal));
        Assert.Equal(ChannelStatus.Ok, host.Status.State);
    }

    [Fact]
    public async Task A_reply_to_a_ticket_deleted_in_freshdesk_is_marked_failed_and_not_retried()
    {
        _fake.AddTicket(1);
        await using var host = new FreshdeskHost(store, _fake);
        await host.RunCycleAsync();
        await ApproveDraftAsync(host.Client);
        _fake.Tickets.Clear();

        await host.RunCycleAsync();
        await host.RunCycleAsync();

        Assert.Equal(2, _fake.CountRequests("GET /api/v2/tickets/1/conversations")); // the mirror's, then the check that found the ticket gone
        Assert.Equal(0, Posts);
        Assert.Equal(ChannelStatus.Ok, host.Status.State);
    }
}

public sealed class FreshdeskReplyOnSqliteTests() : FreshdeskReplyTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class FreshdeskReplyOnPostgresTests(PostgresServer server) : FreshdeskReplyTests(server);
