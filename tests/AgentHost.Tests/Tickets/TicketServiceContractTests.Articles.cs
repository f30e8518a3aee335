namespace AgentHost.Tests.Tickets;

/// <summary>The knowledge-base calls of the seam, on both implementations, over the starter articles the service loaded.</summary>
public abstract partial class TicketServiceContractTests
{
    [Fact]
    public async Task Search_articles_ranks_the_starter_articles_best_first()
    {
        var found = await Tickets.SearchArticlesAsync("  vpn keeps dropping  ", null, 3, default);

        Assert.True(found.IsSuccess, found.Problem?.Message);
        Assert.Equal("vpn-drops", found.Value!.Results[0].Slug);
        Assert.True(found.Value.Results.Count <= 3);
        Assert.True(found.Value.Count >= found.Value.Results.Count);
        var hardware = await Tickets.SearchArticlesAsync("vpn keeps dropping", "HARDWARE", 3, default);
        Assert.All(hardware.Value!.Results, a => Assert.Equal("HARDWARE", a.Category));
        Assert.Empty((await Tickets.SearchArticlesAsync("the and please", null, 3, default)).Value!.Results);
    }

    [Fact]
    public async Task Search_articles_refuses_overlong_text_and_unknown_categories_in_the_rest_words()
    {
        var overlong = await Tickets.SearchArticlesAsync(new string('a', 501), null, 3, default);
        Assert.Equal(400, overlong.Problem!.Status);
        Assert.Contains("Search text is limited to 500 characters.", overlong.Problem.Message, StringComparison.Ordinal);

        var category = await Tickets.SearchArticlesAsync("vpn", "PRINTERS", 3, default);
        Assert.Equal(400, category.Problem!.Status);
        Assert.Contains("Invalid category 'PRINTERS'.", category.Problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_article_returns_steps_and_internal_notes_and_a_missing_one_is_404()
    {
        var best = (await Tickets.SearchArticlesAsync("vpn keeps dropping", null, 1, default)).Value!.Results[0];

        var article = await Tickets.GetArticleAsync(best.Id, default);

        Assert.True(article.IsSuccess, article.Problem?.Message);
        Assert.Equal("VPN drops every few minutes", article.Value!.Title);
        Assert.StartsWith("## Steps", article.Value.Body, StringComparison.Ordinal);
        Assert.Contains("GlobalProtect client logs", article.Value.InternalNotes, StringComparison.Ordinal);
        Assert.Equal("\"1\"", article.ETag);

        var missing = await Tickets.GetArticleAsync(4242, default);
        Assert.Equal(404, missing.Problem!.Status);
        Assert.Equal("Article with id '4242' was not found.", missing.Problem.Message);
    }
}
