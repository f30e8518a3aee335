using AgentHost.Tickets;
using TicketApi.Contracts;
using TicketApi.Tickets;

namespace AgentHost.Tests.Tickets;

/// <summary>The thread calls of the seam, and its stage-2 create/update/triage, on both implementations.</summary>
public abstract partial class TicketServiceContractTests
{
    /// <summary>The channel a message arrives with: the in-process seam keeps the caller's, the REST face always records rest.</summary>
    private string Recorded(string channel) => Tickets is TicketApiClient ? TicketMessageChannels.Rest : channel;

    [Fact]
    public async Task Messages_are_added_with_their_effects_and_listed_oldest_first_in_pages()
    {
        var ticket = await CreateAsync("VPN drops");

        var reply = await Tickets.AddMessageAsync(ticket.Id, new NewTicketMessage("reply", "  Restart the client.  ", "Sam", TicketMessageChannels.Chat), default);
        var note = await Tickets.AddMessageAsync(ticket.Id, new NewTicketMessage("note", "Vendor case 881.", Channel: TicketMessageChannels.Chat), default);
        var first = await Tickets.ListMessagesAsync(ticket.Id, 1, 1, default);
        var second = await Tickets.ListMessagesAsync(ticket.Id, 2, 1, default);
        var after = await Tickets.GetAsync(ticket.Id, default);

        Assert.True(reply.IsSuccess, reply.Problem?.Message);
        Assert.Equal("Restart the client.", reply.Value!.Body);
        Assert.Equal("Sam", reply.Value.Author);
        Assert.Equal(Recorded(TicketMessageChannels.Chat), reply.Value.Channel);
        Assert.Null(note.Value!.Author);
        Assert.Equal(2, first.Value!.Count);
        Assert.Equal([reply.Value.Id], first.Value.Results.Select(m => m.Id));
        Assert.NotNull(first.Value.Next);
        Assert.Equal([note.Value.Id], second.Value!.Results.Select(m => m.Id));
        Assert.Null(second.Value.Next);
        Assert.Equal(reply.Value.Created, after.Value!.FirstResponseAt);
    }

    [Fact]
    public async Task A_customer_message_reopens_a_resolved_ticket_and_is_a_409_on_a_closed_one()
    {
        var resolved = await CreateAsync("Printer jams");
        await Tickets.SetStatusAsync(resolved.Id, TicketStatus.Resolved, default);
        var closed = await CreateAsync("Old laptop");
        await Tickets.SetStatusAsync(closed.Id, TicketStatus.Resolved, default);
        await Tickets.SetStatusAsync(closed.Id, TicketStatus.Closed, default);

        var reopening = await Tickets.AddMessageAsync(resolved.Id, new NewTicketMessage("customer", "It jams again.", Channel: TicketMessageChannels.Chat), default);
        var refused = await Tickets.AddMessageAsync(closed.Id, new NewTicketMessage("customer", "Hello?", Channel: TicketMessageChannels.Chat), default);

        Assert.True(reopening.IsSuccess, reopening.Problem?.Message);
        Assert.Equal(TicketStatus.Open, (await Tickets.GetAsync(resolved.Id, default)).Value!.ResolutionStatus);
        Assert.Equal(409, refused.Problem!.Status);
        Assert.Equal($"Ticket {closed.Id} is closed; open a new ticket.", refused.Problem.Message);
        Assert.Equal(0, (await Tickets.ListMessagesAsync(closed.Id, 1, 20, default)).Value!.Count);
    }

    [Fact]
    public async Task Thread_refusals_carry_the_rest_contracts_words()
    {
        var ticket = await CreateAsync("Mailbox full");

        var missingList = await Tickets.ListMessagesAsync(4242, 1, 20, default);
        var missingAdd = await Tickets.AddMessageAsync(4242, new NewTicketMessage("note", "x"), default);
        var badKind = await Tickets.AddMessageAsync(ticket.Id, new NewTicketMessage("email", "x"), default);
        var blank = await Tickets.AddMessageAsync(ticket.Id, new NewTicketMessage("note", "   "), default);
        var pastTheEnd = await Tickets.ListMessagesAsync(ticket.Id, 2, 20, default);
        var pageZero = await Tickets.ListMessagesAsync(ticket.Id, 0, 20, default);

        Assert.Equal("Ticket with id '4242' was not found.", missingList.Problem!.Message);
        Assert.Equal("Ticket with id '4242' was not found.", missingAdd.Problem!.Message);
        Assert.Equal(422, badKind.Problem!.Status);
        Assert.Equal("One or more fields have values a message cannot take. kind: Invalid kind 'email'. Allowed values are: customer, reply, note.", badKind.Problem.Message);
        Assert.Equal("One or more fields have values a message cannot take. body: This field may not be blank.", blank.Problem!.Message);
        Assert.Equal(404, pastTheEnd.Problem!.Status);
        Assert.Equal(400, pageZero.Problem!.Status);
        Assert.Contains("'0' is not a page number: use a whole number from 1.", pageZero.Problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_and_update_take_every_writable_field_and_triage_keeps_a_persons_choice()
    {
        var created = await Tickets.CreateAsync(new TicketChanges("VPN drops hourly", "Since Monday.", null, Priority: "LOW", RequesterEmail: "dana@example.com"), default);
        var updated = await Tickets.UpdateAsync(created.Value!.Id, new TicketChanges(null, null, null, Category: "HARDWARE", RequesterName: "Dana"), default);
        var triaged = await Tickets.TriageAsync(created.Value.Id, default);
        var refused = await Tickets.UpdateAsync(created.Value.Id, new TicketChanges(null, null, null, Priority: "NOW"), default);

        Assert.Equal("LOW", created.Value.Priority);
        Assert.Equal("human", created.Value.Triage!.Priority.Source);
        Assert.Equal("HARDWARE", updated.Value!.Category);
        Assert.Equal("Dana", updated.Value.RequesterName);
        Assert.Equal(("LOW", "HARDWARE"), (triaged.Value!.Priority, triaged.Value.Category));
        Assert.Equal(422, refused.Problem!.Status);
        Assert.Contains("Invalid priority 'NOW'. Allowed values are: LOW, NORMAL, HIGH, URGENT.", refused.Problem.Message, StringComparison.Ordinal);
    }
}
