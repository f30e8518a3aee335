using System.Globalization;
using System.Net.Http.Json;
using BrowserSupport;
using Microsoft.Playwright;
using static AgentHost.Tests.Desk.QueueTests;
using static Microsoft.Playwright.Assertions;

namespace AgentHost.Tests.Desk;

/// <summary>The agent's ticket view, /tickets/{id} (docs/desk.md, "Agent queue and ticket view"), in a real Chromium.</summary>
public sealed partial class TicketViewTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task The_view_shows_the_fields_the_requester_and_the_triage_with_its_confidence_and_reason()
    {
        await using var site = DeskSite.Start(chromium);
        using var api = site.Host.CreateClient();
        var id = await CreateAsync(api, "Cannot log in to the VPN", "The VPN client says my password expired.",
            requesterEmail: "dana@example.com", requesterName: "Dana Scully");
        var triage = (await GetAsync(api, id))["triage"]!["category"]!;
        var page = await site.NewPageAsync();

        await page.GotoAsync(site.Origin + $"/tickets/{id}");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"#{id} Cannot log in to the VPN" })).ToBeVisibleAsync();
        var details = page.GetByRole(AriaRole.Region, new() { Name = "Details" });
        await Expect(details).ToContainTextAsync("The VPN client says my password expired.");
        await Expect(details).ToContainTextAsync("Dana Scully");
        await Expect(details.GetByRole(AriaRole.Link, new() { Name = "dana@example.com" })).ToBeVisibleAsync();
        await Expect(details).ToContainTextAsync("OPEN");
        await Expect(details).ToContainTextAsync("not yet");
        var category = TriageValue(page, "Category");
        await Expect(category.GetByRole(AriaRole.Term)).ToHaveTextAsync("Category");
        await Expect(category).ToContainTextAsync((string)triage["value"]!);
        await Expect(category.Locator(".triage-reason")).ToHaveTextAsync((string)triage["reason"]!);
        await Expect(category).ToContainTextAsync(((double)triage["confidence"]!).ToString("P0", CultureInfo.InvariantCulture) + " confidence");
    }

    [Fact]
    public async Task A_triage_reason_reads_as_a_sentence_across_the_side_column_at_desktop_and_phone_width()
    {
        await using var site = DeskSite.Start(chromium);
        using var api = site.Host.CreateClient();
        var id = await CreateAsync(api, "Cannot log in to the VPN", "The VPN client says my password expired and I cannot reach the file shares.");
        foreach (var viewport in new[] { null, DeskSite.Phone })
        {
            var page = await site.NewPageAsync(viewport);
            await page.GotoAsync(site.Origin + $"/tickets/{id}");
            var triage = page.GetByRole(AriaRole.Region, new() { Name = "Triage" });
            var card = await triage.BoundingBoxAsync();
            foreach (var field in new[] { "Priority", "Category", "Sentiment" })
            {
                // The reason gets the card's width (less its padding), not a squeezed fourth column of a table.
                var reason = await TriageValue(page, field).Locator(".triage-reason").BoundingBoxAsync();
                Assert.True(reason!.Width > card!.Width * 0.8,
                    $"{field}'s reason is {reason.Width:0} px wide in a {card.Width:0} px card at {viewport?.Width ?? 1280} px");
            }
        }
    }

    [Fact]
    public async Task Overriding_the_priority_takes_one_click_and_is_visible_over_rest()
    {
        await using var site = DeskSite.Start(chromium);
        using var api = site.Host.CreateClient();
        var id = await CreateAsync(api, "Keyboard sticky", priority: "LOW");
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.Origin + $"/tickets/{id}");

        await page.GetByRole(AriaRole.Group, new() { Name = "Set priority" }).GetByRole(AriaRole.Button, new() { Name = "URGENT" }).ClickAsync();

        await Expect(page.Locator("#ticket-priority")).ToHaveTextAsync("URGENT");
        var ticket = await GetAsync(api, id);
        Assert.Equal("URGENT", (string?)ticket["priority"]);
        Assert.Equal("human", (string?)ticket["triage"]!["priority"]!["source"]);
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Set priority" }).GetByRole(AriaRole.Button, new() { Name = "URGENT" }))
            .ToHaveAttributeAsync("aria-pressed", "true");
    }

    [Fact]
    public async Task An_edit_after_someone_else_changed_the_ticket_shows_the_412_message_and_changes_nothing()
    {
        await using var site = DeskSite.Start(chromium);
        using var api = site.Host.CreateClient();
        var id = await CreateAsync(api, "Mail bounces", priority: "NORMAL", category: "EMAIL");
        var page = await site.NewPageAsync();
        await WithoutLiveUpdatesAsync(page);
        await page.GotoAsync(site.Origin + $"/tickets/{id}");
        await PatchAsync(api, id, new { title = "Mail bounces for everyone" });

        await page.GetByRole(AriaRole.Group, new() { Name = "Set category" }).GetByRole(AriaRole.Button, new() { Name = "BILLING" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("changed by someone else");
        await Expect(page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link, new() { Name = "Reload" })).ToBeVisibleAsync();
        Assert.Equal("EMAIL", (string?)(await GetAsync(api, id))["category"]);
    }

    [Fact]
    public async Task Assigning_after_someone_else_changed_the_ticket_sends_the_version_shown_and_gets_the_412_message()
    {
        await using var site = DeskSite.Start(chromium, accountsRequired: true);
        using var api = await site.ClientAsAsync("kim@example.com", "agent");
        var id = await CreateAsync(api, "Scanner offline", priority: "NORMAL");
        var page = await site.SignInAsync("sam@example.com", "agent");
        await WithoutLiveUpdatesAsync(page);
        await page.GotoAsync(site.Origin + $"/tickets/{id}");
        var shown = await page.Locator("#ticket-view").GetAttributeAsync("data-etag");
        await PatchAsync(api, id, new { title = "Scanner offline on floor 2" });
        var assignee = $"/api/tickets/{id}/assignee/";

        var refused = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Assign to me" }).ClickAsync(), response => response.Url.EndsWith(assignee, StringComparison.Ordinal));

        Assert.Equal(412, refused.Status);
        Assert.Equal(shown, await refused.Request.HeaderValueAsync("if-match"));
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("changed by someone else");
        await Expect(page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link, new() { Name = "Reload" })).ToBeVisibleAsync();
        Assert.Null((await GetAsync(api, id))["assignee"]);

        // The list's Assign button sends the version shown too.
        var alsoRefused = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Assign", Exact = true }).ClickAsync(), response => response.Url.EndsWith(assignee, StringComparison.Ordinal));
        Assert.Equal(412, alsoRefused.Status);
        Assert.Equal(shown, await alsoRefused.Request.HeaderValueAsync("if-match"));
        Assert.Null((await GetAsync(api, id))["assignee"]);
    }

    [Fact]
    public async Task Only_the_transitions_the_lifecycle_allows_are_offered_and_each_moves_the_ticket()
    {
        await using var site = DeskSite.Start(chromium);
        using var api = site.Host.CreateClient();
        var id = await CreateAsync(api, "Monitor flickers", priority: "NORMAL");
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.Origin + $"/tickets/{id}");
        var status = page.GetByRole(AriaRole.Region, new() { Name = "Status" });

        Assert.Equal(["Resolve"], await status.GetByRole(AriaRole.Button).AllInnerTextsAsync());
        await status.GetByRole(AriaRole.Button, new() { Name = "Resolve" }).ClickAsync();
        await Expect(page.Locator("#ticket-status")).ToHaveTextAsync("RESOLVED");
        Assert.Equal("RESOLVED", (string?)(await GetAsync(api, id))["resolution_status"]);

        Assert.Equal(["Reopen", "Close"], await status.GetByRole(AriaRole.Button).AllInnerTextsAsync());
        await status.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        await Expect(page.Locator("#ticket-status")).ToHaveTextAsync("CLOSED");
        Assert.Equal("CLOSED", (string?)(await GetAsync(api, id))["resolution_status"]);

        await Expect(status).ToContainTextAsync("CLOSED is final");
        Assert.Empty(await status.GetByRole(AriaRole.Button).AllAsync());
        await Expect(page.Locator("#announcer")).ToContainTextAsync("Status is now CLOSED.");
    }

    [Fact]
    public async Task Assign_to_me_then_unassign_is_visible_over_rest()
    {
        await using var site = DeskSite.Start(chromium);
        using var api = site.Host.CreateClient();
        var id = await CreateAsync(api, "New laptop", priority: "NORMAL");
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.Origin + $"/tickets/{id}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Assign to me" }).ClickAsync();
        await Expect(page.Locator("#ticket-assignee")).ToHaveTextAsync("Local admin");
        Assert.Equal("local", (string?)(await GetAsync(api, id))["assignee"]!["id"]);

        await page.GetByRole(AriaRole.Button, new() { Name = "Unassign" }).ClickAsync();
        await Expect(page.Locator("#ticket-assignee")).ToHaveTextAsync("Unassigned");
        Assert.Null((await GetAsync(api, id))["assignee"]);
    }

    [Fact]
    public async Task An_agent_assigns_a_ticket_to_another_agent_chosen_from_the_list()
    {
        await using var site = DeskSite.Start(chromium, accountsRequired: true);
        using var kim = await site.ClientAsAsync("kim@example.com", "agent");
        await site.ClientAsAsync("dana@example.com", "requester");
        var id = await CreateAsync(kim, "Shared drive full", priority: "HIGH");
        var page = await site.SignInAsync("sam@example.com", "agent");
        await page.GotoAsync(site.Origin + $"/tickets/{id}");
        var choices = await page.GetByLabel("Assign to").Locator("option").AllInnerTextsAsync();
        Assert.Contains("kim@example.com", choices);
        Assert.Contains("sam@example.com", choices);
        Assert.DoesNotContain("dana@example.com", choices);

        await page.GetByLabel("Assign to").SelectOptionAsync(new SelectOptionValue { Label = "kim@example.com" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Assign", Exact = true }).ClickAsync();

        await Expect(page.Locator("#ticket-assignee")).ToHaveTextAsync("kim@example.com");
        Assert.Equal("kim@example.com", (string?)(await GetAsync(kim, id))["assignee"]!["name"]);
    }

    [Fact]
    public async Task The_ticket_view_has_no_serious_accessibility_violations_at_desktop_or_phone_width()
    {
        await using var site = DeskSite.Start(chromium);
        using var api = site.Host.CreateClient();
        var id = await CreateAsync(api, "Projector dead", "No image at all.", requesterEmail: "dana@example.com", requesterName: "Dana");
        foreach (var (kind, body) in new[] { ("customer", "Still dead."), ("reply", "On our way."), ("note", "Lamp ordered.") })
        {
            using var posted = await api.PostAsJsonAsync($"/api/tickets/{id}/messages/", new { kind, body });
            posted.EnsureSuccessStatusCode();
        }
        foreach (var viewport in new[] { null, DeskSite.Phone })
        {
            var page = await site.NewPageAsync(viewport);
            await page.GotoAsync(site.Origin + $"/tickets/{id}");
            await Accessibility.AssertNoSeriousViolationsAsync(page);
        }
    }

    /// <summary>One triaged value of the Triage card: its name, value, confidence and reason.</summary>
    internal static ILocator TriageValue(IPage page, string field) =>
        page.GetByRole(AriaRole.Region, new() { Name = "Triage" }).Locator(".triage-value").Filter(new() { Has = page.Locator("dt", new() { HasTextString = field }) });

    /// <summary>
    /// Cuts the page off /api/events, as a dropped connection would: the page then shows the ticket as loaded, which
    /// is how a change made meanwhile meets the API's 412 or 404 rather than the live update.
    /// </summary>
    internal static Task WithoutLiveUpdatesAsync(IPage page) => page.Context.RouteAsync("**/api/events**", route => route.AbortAsync());
}
