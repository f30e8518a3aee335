using TicketApi.Querying;

namespace AgentHost.Tests.Tickets;

/// <summary>Assignment through the seam (docs/accounts.md, "Assignment"), on both implementations, with the same words.</summary>
public abstract partial class TicketServiceContractTests
{
    [Fact]
    public async Task A_ticket_is_assigned_to_me_found_by_the_assignee_filter_and_unassigned_with_null()
    {
        var ticket = await CreateAsync("VPN drops");
        var other = await CreateAsync("Printer jams");

        var assigned = await Tickets.AssignAsync(ticket.Id, "me", default);
        var mine = await Tickets.ListAsync(new TicketQuery { Assignee = AssigneeFilter.Me }, default);
        var unassignedOnes = await Tickets.ListAsync(new TicketQuery { Assignee = AssigneeFilter.None }, default);
        var cleared = await Tickets.AssignAsync(ticket.Id, null, default);

        Assert.True(assigned.IsSuccess, assigned.Problem?.Message);
        Assert.NotNull(assigned.Value!.Assignee);
        Assert.NotNull(assigned.ETag);
        Assert.Equal([ticket.Id], mine.Value!.Results.Select(t => t.Id));
        Assert.Equal([other.Id], unassignedOnes.Value!.Results.Select(t => t.Id));
        Assert.Null(cleared.Value!.Assignee);
    }

    [Fact]
    public async Task Assigning_an_unknown_ticket_is_a_404_and_an_unknown_person_a_422()
    {
        var ticket = await CreateAsync("VPN drops");

        var missing = await Tickets.AssignAsync(999_999, "me", default);
        var nobody = await Tickets.AssignAsync(ticket.Id, "nobody@example.com", default);

        Assert.Equal(404, missing.Problem!.Status);
        Assert.Equal("Ticket with id '999999' was not found.", missing.Problem.Message);
        Assert.Equal(422, nobody.Problem!.Status);
        Assert.Contains("nobody@example.com", nobody.Problem.Message, StringComparison.Ordinal);
    }
}
