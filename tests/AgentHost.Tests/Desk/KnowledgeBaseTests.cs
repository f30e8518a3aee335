using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BrowserSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgentHost.Tests.Desk;

/// <summary>
/// The knowledge base list and article pages (docs/desk.md, "Draft panel and knowledge base") over the starter set
/// (docs/knowledge-base.md, "Starter articles"): search as the API ranks it, with JavaScript off too, the category
/// filter, paging, an article with its internal notes, refusals and accessibility. The editor:
/// <see cref="KnowledgeBaseEditorTests"/>.
/// </summary>
public sealed class KnowledgeBaseTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private static ILocator Articles(IPage page) => page.GetByRole(AriaRole.List, new() { Name = "Articles" }).GetByRole(AriaRole.Link);

    [Fact]
    public async Task Searching_with_javascript_off_narrows_the_list_to_the_apis_ranking()
    {
        await using var site = DeskSite.Start(chromium);
        using var api = await site.ClientAsAsync("ada@example.com", "admin");
        var ranked = JsonNode.Parse(await api.GetStringAsync(new Uri("/api/articles/?search=my%20vpn%20keeps%20dropping", UriKind.Relative)))!;
        await using var context = await chromium.Browser.NewContextAsync(new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Origin + "/kb");
        var everything = await Articles(page).CountAsync();

        await page.GetByLabel("Search").FillAsync("my vpn keeps dropping");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();

        await page.WaitForAddressContainingAsync("q=my+vpn+keeps+dropping");
        var titles = await Articles(page).AllTextContentsAsync();
        Assert.Equal(ranked["results"]!.AsArray().Select(a => (string)a!["title"]!), titles);
        Assert.Equal("VPN drops every few minutes", titles[0]);
        Assert.True(titles.Count < everything, $"{titles.Count} of {everything}");
        await Expect(page.GetByLabel("Search")).ToHaveValueAsync("my vpn keeps dropping");
    }

    [Fact]
    public async Task The_category_filter_and_the_pages_show_what_the_api_would()
    {
        await using var site = DeskSite.Start(chromium);
        using var api = await site.ClientAsAsync("ada@example.com", "admin");
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.Origin + "/kb");
        var total = (long)JsonNode.Parse(await api.GetStringAsync(new Uri("/api/articles/", UriKind.Relative)))!["count"]!;

        // The starter set is more than a page: 20 by title, then the rest.
        Assert.Equal(20, await Articles(page).CountAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        await Expect(page.GetByText("Page 2 of 2")).ToBeVisibleAsync();
        Assert.Equal(total - 20, await Articles(page).CountAsync());

        await page.GetByLabel("Category").SelectOptionAsync("NETWORK");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.WaitForAddressContainingAsync("category=NETWORK");
        var network = JsonNode.Parse(await api.GetStringAsync(new Uri("/api/articles/?category=NETWORK", UriKind.Relative)))!;
        Assert.Equal(network["results"]!.AsArray().Select(a => (string)a!["title"]!), await Articles(page).AllTextContentsAsync());
    }

    [Fact]
    public async Task A_search_the_api_refuses_is_a_400_with_the_apis_words_and_a_page_past_the_end_a_404()
    {
        await using var site = DeskSite.Start(chromium);
        var page = await site.NewPageAsync();

        var tooLong = await page.GotoAsync(site.Origin + "/kb?q=" + new string('a', 501));
        Assert.Equal((int)HttpStatusCode.BadRequest, tooLong!.Status);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Search text is limited to 500 characters.");

        var unknown = await page.GotoAsync(site.Origin + "/kb?category=PLUMBING");
        Assert.Equal((int)HttpStatusCode.BadRequest, unknown!.Status);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Invalid category 'PLUMBING'");

        var past = await page.GotoAsync(site.Origin + "/kb?page=9");
        Assert.Equal((int)HttpStatusCode.NotFound, past!.Status);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Page 9 is past the last page of results.");

        var notANumber = await page.GotoAsync(site.Origin + "/kb?page=two");
        Assert.Equal((int)HttpStatusCode.BadRequest, notANumber!.Status);
    }

    [Fact]
    public async Task An_article_shows_its_body_from_markdown_and_its_internal_notes_to_an_agent()
    {
        await using var site = DeskSite.Start(chromium, accountsRequired: true);
        using var api = await site.ClientAsAsync("ada@example.com", "admin");
        var article = JsonNode.Parse(await api.GetStringAsync(new Uri("/api/articles/?search=vpn%20drops", UriKind.Relative)))!["results"]![0]!;
        var page = await site.SignInAsync("sam@example.com", "agent");

        await page.GotoAsync(site.Origin + "/kb?q=vpn+drops");
        await page.GetByRole(AriaRole.Link, new() { Name = (string)article["title"]! }).ClickAsync();

        await page.WaitForAddressAsync(site.Origin + $"/kb/{(long)article["id"]!}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = (string)article["title"]!, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Steps" })).ToBeVisibleAsync();
        Assert.True(await page.Locator(".kb-body ol li").CountAsync() > 0, "the numbered steps are a list");
        var notes = page.GetByRole(AriaRole.Region, new() { Name = "Internal notes" });
        var firstNote = ((string)article["internal_notes"]!).Split('\n')[0].TrimStart('-', ' ');
        await Expect(notes).ToContainTextAsync(firstNote[..40]);
    }

    [Fact]
    public async Task A_missing_article_is_a_404_page()
    {
        await using var site = DeskSite.Start(chromium);
        var page = await site.NewPageAsync();

        var response = await page.GotoAsync(site.Origin + "/kb/999999");

        Assert.Equal((int)HttpStatusCode.NotFound, response!.Status);
    }

    [Fact]
    public async Task The_list_an_article_and_the_editor_have_no_serious_accessibility_violations_at_desktop_or_phone_width()
    {
        await using var site = DeskSite.Start(chromium);
        foreach (var viewport in new[] { null, DeskSite.Phone })
        {
            var page = await site.NewPageAsync(viewport);
            await page.GotoAsync(site.Origin + "/kb?q=printer");
            await Accessibility.AssertNoSeriousViolationsAsync(page);
            await Articles(page).First.ClickAsync();
            await page.WaitForAddressAsync(new Regex(@"/kb/\d+$"));
            await page.GetByRole(AriaRole.Button, new() { Name = "Edit" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Internal notes" })).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolationsAsync(page);
            await page.GotoAsync(site.Origin + "/kb/new");
            await Accessibility.AssertNoSeriousViolationsAsync(page);
        }
    }
}
