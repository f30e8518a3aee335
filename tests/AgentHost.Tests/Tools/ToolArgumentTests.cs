using System.Text.Json;
using AgentHost.Tests.Support;
using AgentHost.Tools;
using Microsoft.Extensions.DependencyInjection;
using TicketApi.Contracts;
using TicketApi.Querying;

namespace AgentHost.Tests.Tools;

/// <summary>
/// Argument checking in the tools' own words, on the real catalogue over the in-process service: malformed
/// values of every parameter type, unknown arguments, and count_tickets taking every list filter.
/// </summary>
public sealed class ToolArgumentTests : IAsyncLifetime
{
    private readonly AgentHostFactory _factory = new();
    private TicketToolCatalogue _catalogue = null!;

    public Task InitializeAsync()
    {
        _ = _factory.Server;
        _catalogue = _factory.Services.GetRequiredService<TicketToolCatalogue>();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private Task<TicketToolResult> CallAsync(string tool, string json = "{}") => TicketClientHarness.CallToolAsync(_factory.Services, tool, json);

    [Theory]
    [InlineData("get_ticket", """{"id": "twelve"}""", "id must be a whole number, not 'twelve'.")]
    [InlineData("get_ticket", """{"id": 1.5}""", "id must be a whole number, not 1.5.")]
    [InlineData("get_ticket", """{"id": true}""", "id must be a whole number, not true (a yes/no value).")]
    [InlineData("get_ticket", """{"id": [1]}""", "id must be a whole number, not a list.")]
    [InlineData("get_ticket", """{}""", "id is required.")]
    [InlineData("set_ticket_status", """{"id": 1, "status": "DONE"}""", "status must be one of OPEN, RESOLVED, CLOSED, not 'DONE'.")]
    [InlineData("set_ticket_status", """{"id": 1, "status": 2}""", "status must be one of OPEN, RESOLVED, CLOSED, not 2.")]
    [InlineData("create_ticket", """{"title": 42}""", "title must be text, not 42.")]
    [InlineData("create_ticket", """{"title": {"text": "x"}}""", "title must be text, not an object.")]
    [InlineData("list_tickets", """{"id__in": [1, "two"]}""", "id__in must be a list of whole numbers, e.g. [1, 2], not a list.")]
    [InlineData("list_tickets", """{"resolution_status__in": ["OPEN", "DONE"]}""", "resolution_status__in must be a list of statuses from OPEN, RESOLVED, CLOSED, e.g. [\"OPEN\"], not a list.")]
    [InlineData("list_tickets", """{"page": "first"}""", "page must be a whole number, not 'first'.")]
    [InlineData("count_tickets", """{"created__gte": false}""", "created__gte must be text, not false (a yes/no value).")]
    [InlineData("list_tickets", """{"priority": "asap"}""", "priority must be one of LOW, NORMAL, HIGH, URGENT, not 'asap'.")]
    [InlineData("count_tickets", """{"category__in": ["NETWORK", "PRINTERS"]}""", "category__in must be a list of values from ACCOUNT, NETWORK, EMAIL, HARDWARE, SOFTWARE, BILLING, OTHER, not a list.")]
    public async Task A_malformed_value_is_refused_in_the_tools_words(string tool, string json, string expected)
    {
        var result = await CallAsync(tool, json);

        Assert.False(result.Ok);
        Assert.Equal(ToolFailure.InvalidArguments, result.FailureKind);
        Assert.Equal($"Invalid arguments for {tool}: {expected}", result.Summary);
        Assert.DoesNotContain("System.", result.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("BytePositionInLine", result.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"created__gte": "last tuesday-ish"}""", "created__gte: 'last tuesday-ish' is not an ISO-8601 date or date-time, e.g. 2025-01-31 or 2025-01-31T14:15:22Z.")]
    [InlineData("""{"page": 0}""", "page: '0' is not a page number: use a whole number from 1.")]
    [InlineData("""{"ordering": "-colour"}""", "ordering: Cannot order by '-colour'. Allowed fields are: created, updated, title, id, resolution_status, priority, category (prefix '-' for descending).")]
    public async Task A_well_typed_but_invalid_filter_is_refused_in_the_rest_parsers_words(string json, string expected)
    {
        var result = await CallAsync("list_tickets", json);

        Assert.Equal(ToolFailure.InvalidArguments, result.FailureKind);
        Assert.Equal($"Invalid arguments: {expected}", result.Summary);
    }

    [Fact]
    public async Task An_unknown_argument_is_an_error_naming_the_known_ones_for_every_tool()
    {
        foreach (var tool in _catalogue.Tools)
        {
            var result = await CallAsync(tool.Name, """{"id": 1, "title": "x", "status": "OPEN", "confirm_title": "x", "colour": "red"}""");
            var known = ((TicketToolFunction)tool.Function).Parameters.Select(p => p.Name);

            Assert.False(result.Ok, tool.Name);
            Assert.Contains($"{tool.Name} has no argument ", result.Summary);
            Assert.Contains("colour", result.Summary);
            Assert.Contains($"its arguments are {string.Join(", ", known)}.", result.Summary);
        }
    }

    [Fact]
    public void Count_tickets_takes_every_filter_list_tickets_takes_and_only_the_page_shaping_ones_are_left_out()
    {
        string[] Properties(string tool) => [.. _catalogue.Find(tool)!.Function.JsonSchema.GetProperty("properties").EnumerateObject().Select(p => p.Name)];

        Assert.Equal(TicketQueryParameters.All.Select(p => p.Name), Properties("list_tickets"));
        Assert.Equal(Properties("list_tickets").Except(["page", "page_size", "ordering"]), Properties("count_tickets"));
    }

    [Fact]
    public async Task Triage_filters_take_labels_in_any_case_and_count_the_triaged_tickets()
    {
        await CallAsync("create_ticket", JsonSerializer.Serialize(new { title = "Ransomware on the file server", description = "Every share is encrypted." }));
        await CallAsync("create_ticket", JsonSerializer.Serialize(new { title = "How do I change my signature?", description = "No rush." }));

        var urgent = await CallAsync("count_tickets", """{"priority": "urgent"}""");
        var listed = await CallAsync("list_tickets", """{"priority__in": ["low", "NORMAL"], "category__in": "software,email,other,account,network,hardware,billing"}""");

        Assert.True(urgent.Ok, urgent.Summary);
        Assert.StartsWith("1 ticket", urgent.Summary, StringComparison.Ordinal);
        Assert.True(listed.Ok, listed.Summary);
        Assert.Equal(1, Assert.IsType<TicketListData>(listed.Data).Count);
    }

    [Fact]
    public async Task Count_applies_id_and_status_list_filters_and_breaks_down_only_the_statuses_asked_for()
    {
        var ids = new List<long>();
        foreach (var title in new[] { "One", "Two", "Three" })
        {
            ids.Add(Assert.IsType<TicketDto>((await CallAsync("create_ticket", JsonSerializer.Serialize(new { title }))).Data).Id);
        }
        await CallAsync("set_ticket_status", $$"""{"id": {{ids[0]}}, "status": "resolved"}""");

        var byIds = await CallAsync("count_tickets", $$"""{"id__in": [{{ids[0]}}, {{ids[1]}}]}""");
        var someStatuses = await CallAsync("count_tickets", """{"resolution_status__in": ["OPEN", "RESOLVED"], "title__icontains": "o"}""");

        Assert.Equal("2 tickets: 1 OPEN, 1 RESOLVED, 0 CLOSED.", byIds.Summary);
        Assert.Equal("2 tickets with 'o' in the title: 1 OPEN, 1 RESOLVED.", someStatuses.Summary);
    }

    [Fact]
    public async Task Results_keep_accents_and_apostrophes_as_text_and_a_copied_title_confirms_a_delete()
    {
        var created = await CallAsync("create_ticket", """{"title": "Café can't print – «Ärger»"}""");
        var json = JsonSerializer.Serialize(created, TicketToolJson.Options);
        var copied = JsonDocument.Parse(json).RootElement.GetProperty("data").GetProperty("title").GetString();

        Assert.Contains("Café can't print – «Ärger»", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", json, StringComparison.Ordinal);
        var id = Assert.IsType<TicketDto>(created.Data).Id;
        var deleted = await CallAsync("delete_ticket", JsonSerializer.Serialize(new { id, confirm_title = copied }));
        Assert.True(deleted.Ok, deleted.Summary);
    }
}
