using System.Text.Json;
using AgentHost.Tests.Support;
using AgentHost.Tools;

namespace AgentHost.Tests.Tools;

/// <summary>
/// search_articles and get_article on the real catalogue over the in-process service and its starter articles:
/// results, refusals in the tools' words, and the internal notes marked as staff-only (docs/tools.md).
/// </summary>
public sealed class KnowledgeBaseToolTests : IAsyncLifetime
{
    private readonly AgentHostFactory _factory = new();

    public Task InitializeAsync()
    {
        _ = _factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private Task<TicketToolResult> CallAsync(string tool, string json) => TicketClientHarness.CallToolAsync(_factory.Services, tool, json);

    [Fact]
    public async Task Search_articles_lists_the_best_matches_first_with_ids_in_the_summary()
    {
        var result = await CallAsync("search_articles", """{"query": "my vpn keeps dropping"}""");

        Assert.True(result.Ok, result.Summary);
        var data = Assert.IsType<ArticleSearchData>(result.Data);
        Assert.Equal("vpn-drops", data.Articles[0].Slug);
        Assert.True(data.Articles.Count <= TicketTools.ArticleSearchLimit);
        Assert.Contains($"article #{data.Articles[0].Id} VPN drops every few minutes (NETWORK)", result.Summary, StringComparison.Ordinal);
        Assert.StartsWith($"{data.Count} articles match 'my vpn keeps dropping', best first:", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_articles_with_a_category_keeps_to_it_and_says_when_nothing_matches()
    {
        var billing = await CallAsync("search_articles", """{"query": "charged twice", "category": "billing"}""");
        Assert.All(Assert.IsType<ArticleSearchData>(billing.Data).Articles, a => Assert.Equal("BILLING", a.Category));

        var none = await CallAsync("search_articles", """{"query": "xylophone quartz"}""");
        Assert.True(none.Ok);
        Assert.Equal("No article matches 'xylophone quartz'.", none.Summary);
    }

    [Theory]
    [InlineData("search_articles", """{}""", "Invalid arguments for search_articles: query is required.")]
    [InlineData("search_articles", """{"query": "vpn", "category": "PRINTERS"}""", "Invalid arguments for search_articles: category must be one of ACCOUNT, NETWORK, EMAIL, HARDWARE, SOFTWARE, BILLING, OTHER, not 'PRINTERS'.")]
    [InlineData("search_articles", """{"query": 42}""", "Invalid arguments for search_articles: query must be text, not 42.")]
    [InlineData("get_article", """{"id": "four"}""", "Invalid arguments for get_article: id must be a whole number, not 'four'.")]
    [InlineData("get_article", """{"id": 4, "slug": "vpn-drops"}""", "Invalid arguments for get_article: get_article has no argument slug; its arguments are id.")]
    public async Task Bad_arguments_are_refused_in_the_tools_words(string tool, string json, string expected)
    {
        var result = await CallAsync(tool, json);

        Assert.False(result.Ok);
        Assert.Equal(ToolFailure.InvalidArguments, result.FailureKind);
        Assert.Equal(expected, result.Summary);
    }

    [Fact]
    public async Task Overlong_search_text_is_refused_with_the_services_reason()
    {
        var result = await CallAsync("search_articles", JsonSerializer.Serialize(new { query = new string('a', 501) }));

        Assert.False(result.Ok);
        Assert.Equal(ToolFailure.Refused, result.FailureKind);
        Assert.Contains("Search text is limited to 500 characters.", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_article_marks_the_internal_notes_as_staff_only_and_keeps_them_out_of_the_summary()
    {
        var found = Assert.IsType<ArticleSearchData>((await CallAsync("search_articles", """{"query": "duplicate charge"}""")).Data);

        var result = await CallAsync("get_article", $$"""{"id": {{found.Articles[0].Id}}}""");

        Assert.True(result.Ok, result.Summary);
        var json = JsonDocument.Parse(JsonSerializer.Serialize(result, TicketToolJson.Options)).RootElement.GetProperty("data");
        Assert.StartsWith("## Steps", json.GetProperty("customer_safe_steps").GetString(), StringComparison.Ordinal);
        var notes = json.GetProperty("internal_notes_staff_only").GetString()!;
        Assert.Contains("chargeback", notes, StringComparison.Ordinal);
        Assert.False(json.TryGetProperty("internal_notes", out _));
        Assert.DoesNotContain(notes[..30], result.Summary, StringComparison.Ordinal);
        Assert.Contains("internal notes for staff only", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_article_of_a_missing_id_says_so_in_the_services_words()
    {
        var result = await CallAsync("get_article", """{"id": 4242}""");

        Assert.False(result.Ok);
        Assert.Equal(ToolFailure.Refused, result.FailureKind);
        Assert.Equal("Article with id '4242' was not found.", result.Summary);
    }
}
