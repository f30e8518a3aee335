using System.Text.Json;
using AgentHost.Tests.Support;
using AgentHost.Tools;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using TicketApi.Contracts;

namespace AgentHost.Tests.Tools;

/// <summary>
/// The catalogue against the real ticket service, embedded in the host on a fresh SQLite file, called the
/// way a model calls it: JSON arguments in, <see cref="TicketToolResult"/> out.
/// </summary>
public sealed class TicketToolCatalogueTests : IAsyncLifetime
{
    private readonly AgentHostFactory _factory = new();
    private TicketToolCatalogue _catalogue = null!;

    public Task InitializeAsync()
    {
        _ = _factory.Server; // start the host: schema creation and the embedded service
        _catalogue = _factory.Services.GetRequiredService<TicketToolCatalogue>();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private async Task<TicketToolResult> CallAsync(string tool, string argumentsJson = "{}")
    {
        var arguments = JsonSerializer.Deserialize<Dictionary<string, object?>>(argumentsJson)!;
        var result = await _catalogue.Find(tool)!.Function.InvokeAsync(new AIFunctionArguments(arguments));
        return Assert.IsType<TicketToolResult>(result);
    }

    private async Task<TicketDto> CreateAsync(string title, string description = "")
    {
        var created = await CallAsync("create_ticket", JsonSerializer.Serialize(new { title, description }));
        Assert.True(created.Ok, created.Summary);
        return Assert.IsType<TicketDto>(created.Data);
    }

    [Fact]
    public async Task Create_then_get_round_trips_a_ticket_and_names_its_id()
    {
        var ticket = await CreateAsync("Email outage", "Outbound mail fails since 9am.");

        var got = await CallAsync("get_ticket", $$"""{"id": {{ticket.Id}}}""");

        Assert.True(got.Ok);
        Assert.StartsWith($"Ticket #{ticket.Id} 'Email outage' is OPEN", got.Summary);
        Assert.Contains("Outbound mail fails since 9am.", got.Summary);
        Assert.Equal(TicketStatus.Open, Assert.IsType<TicketDto>(got.Data).ResolutionStatus);
    }

    [Fact]
    public async Task A_call_with_no_arguments_lists_the_newest_tickets_with_count_and_more_flag()
    {
        await CreateAsync("First");
        await CreateAsync("Second");
        var third = await CreateAsync("Third");

        var listed = await CallAsync("list_tickets");
        var page = await CallAsync("list_tickets", """{"page_size": 2}""");

        var data = Assert.IsType<TicketListData>(listed.Data);
        Assert.Equal(3, data.Count);
        Assert.False(data.HasMore);
        Assert.Equal(third.Id, data.Tickets[0].Id);
        Assert.Contains($"#{third.Id} Third (OPEN)", listed.Summary);
        Assert.True(Assert.IsType<TicketListData>(page.Data).HasMore);
        Assert.Contains("More on page 2", page.Summary);
    }

    [Fact]
    public async Task Filters_by_status_search_and_date_reach_the_service()
    {
        var vpn = await CreateAsync("VPN drops every hour", "The VPN client disconnects.");
        await CreateAsync("Printer jams");
        await CallAsync("set_ticket_status", $$"""{"id": {{vpn.Id}}, "status": "RESOLVED"}""");

        var resolved = Assert.IsType<TicketListData>((await CallAsync("list_tickets", """{"resolution_status": "RESOLVED"}""")).Data);
        var search = Assert.IsType<TicketListData>((await CallAsync("list_tickets", """{"search": "vpn"}""")).Data);
        var future = Assert.IsType<TicketListData>((await CallAsync("list_tickets", """{"created__gte": "2999-01-01"}""")).Data);
        var both = Assert.IsType<TicketListData>((await CallAsync("list_tickets", """{"resolution_status__in": ["OPEN", "RESOLVED"]}""")).Data);

        Assert.Equal([vpn.Id], resolved.Tickets.Select(t => t.Id));
        Assert.Equal([vpn.Id], search.Tickets.Select(t => t.Id));
        Assert.Empty(future.Tickets);
        Assert.Equal(2, both.Count);
    }

    [Fact]
    public async Task Resolve_of_a_closed_ticket_comes_back_as_a_readable_409()
    {
        var ticket = await CreateAsync("Old problem");
        Assert.True((await CallAsync("set_ticket_status", $$"""{"id": {{ticket.Id}}, "status": "RESOLVED"}""")).Ok);
        var closed = await CallAsync("set_ticket_status", $$"""{"id": {{ticket.Id}}, "status": "CLOSED"}""");
        Assert.Equal($"Ticket #{ticket.Id} 'Old problem' is now CLOSED.", closed.Summary);

        var refused = await CallAsync("set_ticket_status", $$"""{"id": {{ticket.Id}}, "status": "RESOLVED"}""");

        Assert.False(refused.Ok);
        Assert.Equal(409, refused.HttpStatus);
        Assert.Contains("from CLOSED to RESOLVED", refused.Summary);
        Assert.Contains("none: CLOSED is final", refused.Summary);
        Assert.Empty(refused.AllowedTransitions!);
    }

    [Fact]
    public async Task Closing_an_open_ticket_names_the_allowed_transitions()
    {
        var ticket = await CreateAsync("Still open");

        var refused = await CallAsync("set_ticket_status", $$"""{"id": {{ticket.Id}}, "status": "CLOSED"}""");

        Assert.False(refused.Ok);
        Assert.Equal([TicketStatus.Resolved], refused.AllowedTransitions);
        Assert.Contains("Allowed transitions from OPEN: RESOLVED", refused.Summary);
    }

    [Fact]
    public async Task A_missing_ticket_is_a_readable_404_for_every_tool_that_takes_an_id()
    {
        foreach (var (tool, args) in new[]
                 {
                     ("get_ticket", """{"id": 4242}"""),
                     ("update_ticket", """{"id": 4242, "title": "x"}"""),
                     ("set_ticket_status", """{"id": 4242, "status": "RESOLVED"}"""),
                     ("delete_ticket", """{"id": 4242, "confirm_title": "x"}"""),
                 })
        {
            var result = await CallAsync(tool, args);
            Assert.False(result.Ok, tool);
            Assert.Equal("Ticket with id '4242' was not found.", result.Summary);
        }
    }

    [Fact]
    public async Task Update_changes_the_title_and_validation_failures_read_plainly()
    {
        var ticket = await CreateAsync("Typo in titel");

        var renamed = await CallAsync("update_ticket", $$"""{"id": "{{ticket.Id}}", "title": "Typo in title"}""");
        var blank = await CallAsync("update_ticket", $$"""{"id": {{ticket.Id}}, "title": "   "}""");
        var nothing = await CallAsync("update_ticket", $$"""{"id": {{ticket.Id}}}""");

        Assert.True(renamed.Ok);
        Assert.Equal("Typo in title", Assert.IsType<TicketDto>(renamed.Data).Title);
        Assert.False(blank.Ok);
        Assert.Contains("title", blank.Summary);
        Assert.False(nothing.Ok);
        Assert.Contains("Nothing to change", nothing.Summary);
    }

    [Fact]
    public async Task Delete_is_refused_unless_confirm_title_equals_the_current_title()
    {
        var ticket = await CreateAsync("Duplicate of 3");

        var refused = await CallAsync("delete_ticket", $$"""{"id": {{ticket.Id}}, "confirm_title": "duplicate of 3"}""");
        var stillThere = await CallAsync("get_ticket", $$"""{"id": {{ticket.Id}}}""");
        var deleted = await CallAsync("delete_ticket", $$"""{"id": {{ticket.Id}}, "confirm_title": "Duplicate of 3"}""");
        var gone = await CallAsync("get_ticket", $$"""{"id": {{ticket.Id}}}""");

        Assert.False(refused.Ok);
        Assert.Contains("does not equal the current title", refused.Summary);
        Assert.Contains("'Duplicate of 3'", refused.Summary);
        Assert.True(stillThere.Ok);
        Assert.True(deleted.Ok);
        Assert.Equal($"Deleted ticket #{ticket.Id} 'Duplicate of 3'.", deleted.Summary);
        Assert.False(gone.Ok);
    }

    [Fact]
    public async Task Count_gives_a_per_status_breakdown_or_one_status()
    {
        var a = await CreateAsync("A");
        await CreateAsync("B");
        await CallAsync("set_ticket_status", $$"""{"id": {{a.Id}}, "status": "RESOLVED"}""");

        var all = await CallAsync("count_tickets");
        var open = await CallAsync("count_tickets", """{"resolution_status": "OPEN"}""");

        Assert.Equal("2 tickets: 1 OPEN, 1 RESOLVED, 0 CLOSED.", all.Summary);
        Assert.Equal("1 ticket is OPEN.", open.Summary);
        Assert.Equal(1, Assert.IsType<TicketCountData>(open.Data).Count);
    }

    [Fact]
    public async Task A_bad_ordering_is_refused_in_the_rest_parsers_words_not_as_an_exception()
    {
        var result = await CallAsync("list_tickets", """{"ordering": "colour"}""");

        Assert.False(result.Ok);
        Assert.Equal(ToolFailure.InvalidArguments, result.FailureKind);
        Assert.Equal("Invalid arguments: ordering: Cannot order by 'colour'. Allowed fields are: created, updated, title, id, resolution_status, priority, category (prefix '-' for descending).", result.Summary);
    }
}
