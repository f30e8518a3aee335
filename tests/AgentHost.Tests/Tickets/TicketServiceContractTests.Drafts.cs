using TicketApi.Contracts;

namespace AgentHost.Tests.Tickets;

/// <summary>
/// The draft calls of the seam (docs/drafts.md), on both implementations: the same drafts, the same refusals in
/// the same words, and mail staged only by the approval.
/// </summary>
public abstract partial class TicketServiceContractTests
{
    [Fact]
    public async Task Draft_reply_writes_a_draft_that_get_draft_returns_and_a_refinement_is_the_next_version()
    {
        var ticket = await CreateAsync("VPN drops");

        var fresh = await Tickets.DraftReplyAsync(ticket.Id, null, default);
        var refined = await Tickets.DraftReplyAsync(ticket.Id, "  shorter  ", default);
        var current = await Tickets.GetDraftAsync(ticket.Id, default);

        Assert.True(fresh.IsSuccess, fresh.Problem?.Message);
        Assert.Equal(1, fresh.Value!.Version);
        Assert.Equal("Hi Dana,\n\nplease restart the VPN client.", fresh.Value.Reply);
        Assert.Equal(2, refined.Value!.Version);
        Assert.Equal("shorter", refined.Value.Instruction);
        Assert.Equal(2, current.Value!.Version);
        Assert.Equal("\"2\"", current.ETag);
        Assert.Equal("article", current.Value.Sources[0].Type);
        Assert.Empty(Outbox.Replies);
    }

    [Fact]
    public async Task The_draft_calls_refuse_in_the_rest_words()
    {
        var ticket = await CreateAsync("No draft yet");

        var none = await Tickets.GetDraftAsync(ticket.Id, default);
        var refine = await Tickets.DraftReplyAsync(ticket.Id, "more formal", default);
        var send = await Tickets.SendDraftAsync(ticket.Id, resolve: false, default);
        var missing = await Tickets.GetDraftAsync(4242, default);
        var blank = await Tickets.DraftReplyAsync(ticket.Id, "   ", default);

        Assert.Equal(404, none.Problem!.Status);
        Assert.Equal($"Ticket {ticket.Id} has no current draft: ask for one with POST /api/tickets/{ticket.Id}/draft.", none.Problem.Message);
        Assert.Equal(409, refine.Problem!.Status);
        Assert.Contains("has no current draft to refine", refine.Problem.Message, StringComparison.Ordinal);
        Assert.Equal(409, send.Problem!.Status);
        Assert.Contains("has no current draft to send", send.Problem.Message, StringComparison.Ordinal);
        Assert.Equal(404, missing.Problem!.Status);
        Assert.Equal("Ticket with id '4242' was not found.", missing.Problem.Message);
        Assert.Equal(422, blank.Problem!.Status);
    }

    [Fact]
    public async Task Send_draft_adds_the_reply_resolves_when_asked_and_stages_the_mail_once()
    {
        var ticket = await CreateAsync("Printer jams");
        await Tickets.DraftReplyAsync(ticket.Id, null, default);

        var sent = await Tickets.SendDraftAsync(ticket.Id, resolve: true, default);
        var again = await Tickets.SendDraftAsync(ticket.Id, resolve: true, default);
        var after = await Tickets.GetAsync(ticket.Id, default);
        var thread = await Tickets.ListMessagesAsync(ticket.Id, 1, 20, default);

        Assert.True(sent.IsSuccess, sent.Problem?.Message);
        Assert.Equal(TicketMessageKinds.Reply, sent.Value!.Kind);
        Assert.Equal("Hi Dana,\n\nplease restart the VPN client.", sent.Value.Body);
        Assert.Equal(409, again.Problem!.Status);
        Assert.Equal(TicketStatus.Resolved, after.Value!.ResolutionStatus);
        Assert.NotNull(after.Value.FirstResponseAt);
        Assert.Equal(1, thread.Value!.Count);
        Assert.Single(Outbox.Replies);
        Assert.Single(Outbox.StatusNotices);
    }

    [Fact]
    public async Task Send_draft_on_a_closed_ticket_is_409_and_sends_nothing()
    {
        var ticket = await CreateAsync("Closed before approval");
        await Tickets.DraftReplyAsync(ticket.Id, null, default);
        await Tickets.SetStatusAsync(ticket.Id, TicketStatus.Resolved, default);
        await Tickets.SetStatusAsync(ticket.Id, TicketStatus.Closed, default);

        var sent = await Tickets.SendDraftAsync(ticket.Id, resolve: false, default);

        Assert.Equal(409, sent.Problem!.Status);
        Assert.Equal($"Ticket {ticket.Id} is closed; a draft cannot be sent on it.", sent.Problem.Message);
        Assert.Empty(Outbox.Replies);
        Assert.True((await Tickets.GetDraftAsync(ticket.Id, default)).IsSuccess);
    }
}
