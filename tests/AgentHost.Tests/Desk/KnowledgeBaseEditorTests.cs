using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BrowserSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgentHost.Tests.Desk;

/// <summary>
/// Writing the knowledge base from the desk (docs/desk.md, "Draft panel and knowledge base"): /kb/new creates through
/// the API, /kb/{id} edits (conditional on the version shown) and deletes after a confirmation, every change visible
/// over REST; an article's own text is never taken as markup.
/// </summary>
public sealed class KnowledgeBaseEditorTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task Creating_editing_and_deleting_an_article_round_trips_through_the_api()
    {
        await using var site = DeskSite.Start(chromium);
        using var api = await site.ClientAsAsync("ada@example.com", "admin");
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.Origin + "/kb");
        await page.GetByRole(AriaRole.Link, new() { Name = "New article" }).ClickAsync();
        await page.WaitForAddressAsync(site.Origin + "/kb/new");

        await Field(page, "Title").FillAsync("Headset crackles in calls");
        await page.GetByLabel("Category").SelectOptionAsync("HARDWARE");
        await Field(page, "Tags").FillAsync("headset, audio");
        await Field(page, "Body").FillAsync("## Steps\n1. Unplug the headset.\n2. Plug it into another port.");
        await Field(page, "Internal notes").FillAsync("- Likely cause: a worn cable.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();

        await page.WaitForAddressAsync(new Regex(@"/kb/\d+$"));
        var id = long.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var created = await ArticleAsync(api, id);
        Assert.Equal("Headset crackles in calls", (string)created["title"]!);
        Assert.Equal("HARDWARE", (string)created["category"]!);
        Assert.Equal(["headset", "audio"], created["tags"]!.AsArray().Select(t => (string)t!));
        Assert.Equal("- Likely cause: a worn cable.", (string)created["internal_notes"]!);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Headset crackles in calls", Level = 1 })).ToBeVisibleAsync();

        // Edit: saved without leaving the page (a mark set on this page survives), the new text shown.
        await page.EvaluateAsync("() => { window.samePage = true; }");
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit" }).ClickAsync();
        await Field(page, "Title").FillAsync("Headset crackles or drops in calls");
        await Field(page, "Internal notes").FillAsync("- Likely cause: a worn cable or a USB hub.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Headset crackles or drops in calls", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Internal notes" })).ToContainTextAsync("a worn cable or a USB hub");
        Assert.True(await page.EvaluateAsync<bool>("() => window.samePage === true"));
        var edited = await ArticleAsync(api, id);
        Assert.Equal("Headset crackles or drops in calls", (string)edited["title"]!);
        Assert.Equal("- Likely cause: a worn cable or a USB hub.", (string)edited["internal_notes"]!);

        // A second edit uses the new version: the page's ETag moved with the save.
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit" }).ClickAsync();
        await Field(page, "Body").FillAsync("## Steps\n1. Unplug the headset.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.Locator("#kb-status").GetByText("Saved.", new() { Exact = true })).ToBeVisibleAsync();
        Assert.Equal("## Steps\n1. Unplug the headset.", (string)(await ArticleAsync(api, id))["body"]!);

        // Delete asks first; Cancel keeps the article.
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(api, id));
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, delete" }).ClickAsync();

        await page.WaitForAddressAsync(site.Origin + "/kb?deleted=1");
        await Expect(page.GetByRole(AriaRole.Status).GetByText("The article was deleted.")).ToBeVisibleAsync();
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(api, id));
    }

    [Fact]
    public async Task Creating_an_article_the_api_refuses_shows_its_field_errors_and_stays_on_the_form()
    {
        await using var site = DeskSite.Start(chromium);
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.Origin + "/kb/new");

        await Field(page, "Body").FillAsync("1. Restart.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("title:");
        Assert.EndsWith("/kb/new", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_or_deleting_over_someone_elses_newer_save_is_refused_with_a_clear_message()
    {
        await using var site = DeskSite.Start(chromium);
        using var api = await site.ClientAsAsync("ada@example.com", "admin");
        var id = await CreateAsync(api, "Dock shows no picture", "1. Reseat the cable.", "");
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.Origin + $"/kb/{id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit" }).ClickAsync();
        using (var other = await api.PatchAsJsonAsync($"/api/articles/{id}/", new { body = "1. Reseat the cable firmly." }))
        {
            other.EnsureSuccessStatusCode();
        }

        await Field(page, "Body").FillAsync("1. Try another cable.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Someone else saved this article while you were editing it");
        Assert.Equal("1. Reseat the cable firmly.", (string)(await ArticleAsync(api, id))["body"]!);

        // Deleting what someone else just changed is refused the same way: nobody deletes a version they did not see.
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, delete" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("so it was not deleted");
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(api, id));
    }

    [Fact]
    public async Task Markup_in_an_article_is_shown_as_text_and_never_run()
    {
        await using var site = DeskSite.Start(chromium);
        using var api = await site.ClientAsAsync("ada@example.com", "admin");
        var id = await CreateAsync(api, "<img src=x onerror=\"window.ran=1\"> Printer",
            "<script>window.ran = 1</script>\n\n[Open the guide](javascript:window.ran=1) or <javascript:window.ran=1>",
            "<b onclick=\"window.ran=1\">bold?</b>");
        var page = await site.NewPageAsync();

        await page.GotoAsync(site.Origin + $"/kb/{id}");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("<img src=x onerror=\"window.ran=1\"> Printer");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Article" })).ToContainTextAsync("<script>window.ran = 1</script>");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Internal notes" })).ToContainTextAsync("<b onclick=\"window.ran=1\">bold?</b>");
        Assert.Equal(0, await page.Locator("main script, main img, main b").CountAsync());
        var hrefs = await page.Locator(".kb-body a").EvaluateAllAsync<string[]>("links => links.map(l => l.getAttribute('href') ?? '')");
        Assert.NotEmpty(hrefs);
        Assert.All(hrefs, href => Assert.DoesNotContain("javascript", href, StringComparison.OrdinalIgnoreCase));
        Assert.True(await page.EvaluateAsync<bool>("() => window.ran === undefined"));
    }

    /// <summary>An editor's text box by its label (the article page's regions carry the same names).</summary>
    private static ILocator Field(IPage page, string label) => page.GetByRole(AriaRole.Textbox, new() { Name = label, Exact = true });

    private static async Task<long> CreateAsync(HttpClient api, string title, string body, string notes)
    {
        using var response = await api.PostAsJsonAsync("/api/articles/", new { title, category = "HARDWARE", body, internal_notes = notes });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (long)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!;
    }

    private static async Task<JsonNode> ArticleAsync(HttpClient api, long id) =>
        JsonNode.Parse(await api.GetStringAsync(new Uri($"/api/articles/{id}/", UriKind.Relative)))!;

    private static async Task<HttpStatusCode> StatusAsync(HttpClient api, long id)
    {
        using var response = await api.GetAsync(new Uri($"/api/articles/{id}/", UriKind.Relative));
        return response.StatusCode;
    }
}
