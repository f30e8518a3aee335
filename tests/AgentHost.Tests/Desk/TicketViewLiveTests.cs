using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrowserSupport;
using Microsoft.Playwright;
using static AgentHost.Tests.Desk.QueueTests;
using static Microsoft.Playwright.Assertions;

namespace AgentHost.Tests.Desk;

/// <summary>
/// The ticket view stays live (docs/desk.md, "Agent queue and ticket view"): a change someone else makes over REST
/// reaches the open page through /api/events without a reload, and the person's focus and unsent text survive it.
/// </summary>
public sealed class TicketViewLiveTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task Someone_elses_changes_and_sent_draft_appear_without_a_reload_keeping_the_focus_and_the_text_being_typed()
    {
        await using var site = DeskSite.Start(chromium);
        using var api = site.Host.CreateClient();
        var id = await CreateAsync(api, "Printer jams", "The printer on floor 2 jams on every page.", priority: "NORMAL", category: "HARDWARE");
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.Origin + $"/tickets/{id}");
        // A reload would lose this mark; a live update keeps the document.
        await page.EvaluateAsync("() => { window.sameDocument = true; }");
        var box = page.GetByLabel("Add to the conversation");
        await box.FillAsync("Half-written note about the");

        await PatchAsync(api, id, new { priority = "URGENT" });
        await PatchAsync(api, id, new { category = "NETWORK" });
        using (var assigned = await api.PutAsJsonAsync($"/api/tickets/{id}/assignee/", new { assignee = "me" }))
        {
            assigned.EnsureSuccessStatusCode();
        }
        using (var posted = await api.PostAsJsonAsync($"/api/tickets/{id}/messages/", new { kind = "customer", body = "It jammed again just now." }))
        {
            posted.EnsureSuccessStatusCode();
        }
        using (var drafted = await api.PostAsJsonAsync($"/api/tickets/{id}/draft", new { }))
        {
            drafted.EnsureSuccessStatusCode();
        }
        using var sent = await api.PostAsJsonAsync($"/api/tickets/{id}/draft/send", new { resolve = true });
        sent.EnsureSuccessStatusCode();
        var reply = (string)JsonNode.Parse(await sent.Content.ReadAsStringAsync())!["body"]!;

        await Expect(page.Locator("#ticket-status")).ToHaveTextAsync("RESOLVED");
        await Expect(page.Locator("#ticket-priority")).ToHaveTextAsync("URGENT");
        await Expect(page.Locator("#ticket-category")).ToHaveTextAsync("NETWORK");
        await Expect(TicketViewTests.TriageValue(page, "Category")).ToContainTextAsync("set by a person");
        await Expect(page.Locator("#ticket-assignee")).ToHaveTextAsync("Local admin");
        var thread = page.GetByRole(AriaRole.Region, new() { Name = "Conversation" });
        await Expect(thread.GetByRole(AriaRole.Article, new() { Name = "Customer message" })).ToContainTextAsync("It jammed again just now.");
        await Expect(thread.GetByRole(AriaRole.Article, new() { Name = "Public reply" })).ToContainTextAsync(reply.Split('\n')[0]);
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Status" }).GetByRole(AriaRole.Button, new() { Name = "Reopen" })).ToBeVisibleAsync();

        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"), "the ticket view reloaded instead of updating live");
        await Expect(box).ToBeFocusedAsync();
        await Expect(box).ToHaveValueAsync("Half-written note about the");
        await Expect(page.Locator("#announcer")).ToContainTextAsync("Someone else changed this ticket; the page shows it now.");
        // The page now holds the version it shows: a change from it is not refused as stale.
        await page.GetByRole(AriaRole.Group, new() { Name = "Set priority" }).GetByRole(AriaRole.Button, new() { Name = "LOW" }).ClickAsync();
        await Expect(page.Locator("#ticket-priority")).ToHaveTextAsync("LOW");
        Assert.Equal("LOW", (string?)(await GetAsync(api, id))["priority"]);
    }

    [Fact]
    public async Task A_ticket_deleted_by_someone_else_is_said_to_be_gone_and_its_controls_are_disabled()
    {
        await using var site = DeskSite.Start(chromium);
        using var api = site.Host.CreateClient();
        var id = await CreateAsync(api, "Soon deleted", "Spam.", priority: "LOW");
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.Origin + $"/tickets/{id}");
        await page.EvaluateAsync("() => { window.sameDocument = true; }");

        using (var deleted = await api.DeleteAsync(new Uri($"/api/tickets/{id}/", UriKind.Relative)))
        {
            deleted.EnsureSuccessStatusCode();
        }

        var alert = page.GetByRole(AriaRole.Alert);
        await Expect(alert).ToContainTextAsync("This ticket was deleted by someone else");
        await Expect(alert.GetByRole(AriaRole.Link, new() { Name = "Back to the queue" })).ToHaveAttributeAsync("href", "/queue");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Add note" })).ToBeDisabledAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Resolve" })).ToBeDisabledAsync();
        // What was shown stays readable.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"#{id} Soon deleted" })).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"));
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task A_change_made_between_rendering_and_the_stream_opening_still_reaches_the_page()
    {
        await using var site = DeskSite.Start(chromium);
        using var api = site.Host.CreateClient();
        var id = await CreateAsync(api, "Badge reader broken", priority: "NORMAL");
        var page = await site.NewPageAsync();
        // The stream is held back until the change is made: it must resume after the event the page was rendered with.
        var release = new TaskCompletionSource();
        await page.Context.RouteAsync("**/api/events**", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });
        await page.GotoAsync(site.Origin + $"/tickets/{id}", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(page.Locator("#ticket-status")).ToHaveTextAsync("OPEN");

        await PatchAsync(api, id, new { resolution_status = "RESOLVED" });
        release.SetResult();

        await Expect(page.Locator("#ticket-status")).ToHaveTextAsync("RESOLVED");
    }
}
