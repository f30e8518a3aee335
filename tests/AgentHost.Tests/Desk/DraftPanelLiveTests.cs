using System.Net.Http.Json;
using BrowserSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgentHost.Tests.Desk;

/// <summary>
/// The draft panel follows the ticket view's live stream (docs/desk.md, "Draft panel and knowledge base"): a draft
/// another agent writes or sends replaces the one shown without a reload, so Send never approves a version nobody on
/// the page has read; while a person edits, the panel leaves their text alone.
/// </summary>
public sealed class DraftPanelLiveTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task A_draft_written_and_then_sent_by_someone_else_appears_and_then_goes_without_a_reload()
    {
        await using var scenario = await DraftPanelScenario.StartAsync(chromium);
        var id = await scenario.FileAsync("VPN drops", "My VPN keeps dropping every few minutes when I work from home.");
        var (page, panel) = await scenario.OpenTicketAsync(id);
        await page.EvaluateAsync("() => { window.sameDocument = true; }");
        await Expect(panel.GetByText("No draft yet.")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-live=connected]")).ToHaveCountAsync(1);

        var written = await scenario.DraftOverRestAsync(id);

        await Expect(panel.GetByText("Version 1, written offline.")).ToBeVisibleAsync();
        await Expect(panel.Locator("#draft-reply")).ToHaveTextAsync((string)written["reply"]!);
        await Expect(page.Locator("#announcer")).ToContainTextAsync("Someone else wrote draft version 1; the panel shows it now.");

        using (var sent = await scenario.Api.PostAsJsonAsync($"/api/tickets/{id}/draft/send", new { resolve = false }))
        {
            sent.EnsureSuccessStatusCode();
        }

        await Expect(panel.GetByRole(AriaRole.Button, new() { Name = "Generate draft" })).ToBeVisibleAsync();
        await Expect(panel.GetByText("No draft yet.")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"), "the ticket view reloaded instead of updating live");
    }

    [Fact]
    public async Task A_draft_written_by_someone_else_while_the_person_edits_leaves_their_text_in_the_boxes()
    {
        await using var scenario = await DraftPanelScenario.StartAsync(chromium);
        var id = await scenario.FileAsync("VPN drops");
        await scenario.DraftOverRestAsync(id);
        var (page, panel) = await scenario.OpenTicketAsync(id);
        await Expect(page.Locator("[data-live=connected]")).ToHaveCountAsync(1);
        await panel.GetByRole(AriaRole.Button, new() { Name = "Edit" }).ClickAsync();
        var reply = panel.GetByLabel("Reply", new() { Exact = true });
        await reply.FillAsync("My own words.");

        await page.EvaluateAsync("() => { window.draftNews = 0; document.addEventListener('desk:draft-news', () => window.draftNews++); }");
        var draftReads = 0;
        page.Request += (_, request) =>
        {
            if (request.Method == "GET" && request.Url.EndsWith($"/api/tickets/{id}/draft", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref draftReads);
            }
        };

        await scenario.DraftOverRestAsync(id);
        // The page hears of version 2 (the ticket view's stream is shared) but must not even look while a person edits.
        await page.WaitForFunctionAsync("() => window.draftNews > 0");
        await page.EvaluateAsync("() => new Promise(resolve => setTimeout(resolve, 0))");

        Assert.Equal(0, Volatile.Read(ref draftReads));
        Assert.Equal("My own words.", await reply.InputValueAsync());
        await Expect(reply).ToBeVisibleAsync();
        await panel.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(panel.GetByRole(AriaRole.Alert)).ToContainTextAsync("Someone changed this draft while you were editing it");
    }
}
