using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TicketApi.KnowledgeBase;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests.KnowledgeBase;

/// <summary>Ranked search over the starter articles, through REST and the retrieval service, on both stores (docs/knowledge-base.md, "Search").</summary>
public abstract class ArticleSearchTests(TicketStoreFixture store) : ArticleApiTest(store)
{
    [Theory]
    [InlineData("vpn keeps dropping", "vpn-drops")]
    [InlineData("VPN won't connect", "vpn-wont-connect")]
    [InlineData("forgot my password", "password-reset")]
    [InlineData("account locked out", "account-lockout")]
    [InlineData("new phone authenticator", "mfa-new-phone")]
    [InlineData("paper jammed in printer", "printer-jam")]
    [InlineData("charged twice", "duplicate-charge")]
    [InlineData("where is my refund", "refund-status")]
    [InlineData("teams microphone not working", "teams-audio")]
    [InlineData("café wifi", "wifi-problems")]
    public async Task Search_ranks_the_article_that_answers_first(string search, string slug)
    {
        var page = await GetArticlesAsync("?search=" + Uri.EscapeDataString(search));
        Assert.Equal(slug, Slugs(page)[0]);
    }

    [Fact]
    public async Task Search_matches_any_salient_word_and_counts_every_match()
    {
        var page = await GetArticlesAsync("?search=globalprotect");
        Assert.Equal(["vpn-drops", "vpn-wont-connect"], Slugs(page).Order());
        Assert.Equal(2, (long)page["count"]!);
        Assert.Equal(0, (long)(await GetArticlesAsync("?search=the%20and%20please"))["count"]!);
        Assert.Equal(0, (long)(await GetArticlesAsync("?search=%21%21%21"))["count"]!);
    }

    [Fact]
    public async Task Search_combines_with_category_and_an_explicit_ordering()
    {
        Assert.Equal(["vpn-drops"], Slugs(await GetArticlesAsync("?search=drops&category=NETWORK")).Take(1));
        Assert.DoesNotContain("vpn-drops", Slugs(await GetArticlesAsync("?search=vpn&category=HARDWARE")));
        var byTitle = (await GetArticlesAsync("?search=vpn&ordering=-title"))["results"]!.AsArray().Select(a => (string)a!["title"]!).ToList();
        Assert.Equal(byTitle.OrderDescending(StringComparer.OrdinalIgnoreCase), byTitle);
    }

    [Fact]
    public async Task Search_follows_creates_edits_and_deletes_and_never_matches_internal_notes()
    {
        var article = await CreateArticleAsync("Scanner shows error E42", extra: ",\"tags\":[\"scanner\"],\"internal_notes\":\"zebraword in the notes\"");
        var item = $"{Articles}{article["id"]}/";
        Assert.Equal("scanner-shows-error-e42", Slugs(await GetArticlesAsync("?search=e42"))[0]);
        Assert.Equal(0, (long)(await GetArticlesAsync("?search=zebraword"))["count"]!);

        await PatchJsonAsync(item, """{"title":"Scanner shows error E77","tags":["flatbed"]}""");
        Assert.Equal(0, (long)(await GetArticlesAsync("?search=e42"))["count"]!);
        Assert.Equal("scanner-shows-error-e42", Slugs(await GetArticlesAsync("?search=flatbed"))[0]);

        await Client.DeleteAsync(item);
        Assert.Equal(0, (long)(await GetArticlesAsync("?search=flatbed"))["count"]!);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("vpn OR")]
    [InlineData("NEAR(vpn")]
    [InlineData("title:vpn")]
    [InlineData("'; DROP TABLE articles; --")]
    [InlineData("vpn:* | !")]
    [InlineData("-vpn*")]
    public async Task Full_text_syntax_in_search_is_only_text(string search)
    {
        var response = await Client.GetAsync(Articles + "?search=" + Uri.EscapeDataString(search));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(25, (long)(await GetArticlesAsync(""))["count"]!);
    }

    [Fact]
    public async Task Retrieval_ranks_articles_for_a_long_ticket_with_scores_and_coverage()
    {
        var search = Factory.Services.GetRequiredService<KnowledgeBaseSearch>();
        var ranked = await search.ForTicketAsync(
            "Remote access problem",
            "Hi team, since Monday my connection to the office keeps dropping every 10 minutes or so when I work from home. " +
            "I'm on GlobalProtect on my Windows laptop over Wi-Fi, and the internet itself seems fine. Colleagues in the office " +
            "are not affected. It is really annoying during video calls. Could you please have a look? Thanks, Dana",
            KnowledgeBaseSearch.DefaultLimit, CancellationToken.None);

        Assert.Equal("vpn-drops", ranked[0].Article.Slug);
        Assert.True(ranked.Count <= KnowledgeBaseSearch.DefaultLimit);
        Assert.Equal(ranked.OrderByDescending(r => r.Score), ranked);
        Assert.All(ranked, r => Assert.InRange(r.Coverage, 0, 1));
        Assert.Contains("globalprotect", ranked[0].MatchedTerms);
        Assert.True(ranked[0].Coverage > ranked[^1].Coverage || ranked.Count == 1);
    }

    [Fact]
    public async Task Retrieval_of_text_with_no_salient_words_finds_nothing()
    {
        var search = Factory.Services.GetRequiredService<KnowledgeBaseSearch>();
        Assert.Empty(await search.ForTicketAsync("Hi", "please help, thanks!", 5, CancellationToken.None));
        Assert.Empty(await search.SearchAsync("xylophonequartz", null, 5, CancellationToken.None));
    }
}

public sealed class ArticleSearchOnSqliteTests() : ArticleSearchTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class ArticleSearchOnPostgresTests(PostgresServer server) : ArticleSearchTests(server);
