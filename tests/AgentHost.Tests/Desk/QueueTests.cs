using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrowserSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgentHost.Tests.Desk;

/// <summary>The agent queue, /queue (docs/desk.md, "Agent queue and ticket view"), in a real Chromium.</summary>
public sealed class QueueTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task The_queue_puts_urgent_tickets_first_then_the_longest_waiting_and_counts_each_status()
    {
        await using var site = DeskSite.Start(chromium);
        using var api = site.Host.CreateClient();
        await CreateAsync(api, "Old normal", priority: "NORMAL");
        await CreateAsync(api, "Urgent later", priority: "URGENT");
        await CreateAsync(api, "Newer normal", priority: "NORMAL");
        var resolved = await CreateAsync(api, "Resolved high", priority: "HIGH");
        await PatchAsync(api, resolved, new { resolution_status = "RESOLVED" });
        var page = await site.NewPageAsync();

        await page.GotoAsync(site.Origin + "/queue");

        Assert.Equal(["Urgent later", "Resolved high", "Old normal", "Newer normal"], await TitlesAsync(page));
        var counts = page.GetByRole(AriaRole.Navigation, new() { Name = "Counts" });
        await Expect(counts.GetByRole(AriaRole.Link, new() { Name = "OPEN 3" })).ToBeVisibleAsync();
        await Expect(counts.GetByRole(AriaRole.Link, new() { Name = "RESOLVED 1" })).ToBeVisibleAsync();
        await Expect(counts.GetByRole(AriaRole.Link, new() { Name = "CLOSED 0" })).ToBeVisibleAsync();
        var urgentRow = page.Locator("tbody tr").First;
        await Expect(urgentRow).ToContainTextAsync("URGENT");
        await Expect(urgentRow).ToContainTextAsync("Unassigned");
        await Expect(urgentRow.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", "/tickets/2");

        await counts.GetByRole(AriaRole.Link, new() { Name = "RESOLVED 1" }).ClickAsync();
        await page.WaitForAddressContainingAsync("resolution_status=RESOLVED");
        Assert.Equal(["Resolved high"], await TitlesAsync(page));
    }

    [Fact]
    public async Task Each_filter_narrows_the_queue_with_javascript_off()
    {
        await using var site = DeskSite.Start(chromium);
        using var api = site.Host.CreateClient();
        var vpn = await CreateAsync(api, "VPN drops every hour", priority: "URGENT", category: "NETWORK");
        var invoice = await CreateAsync(api, "Invoice shows the wrong amount", priority: "LOW", category: "BILLING");
        var angry = await CreateAsync(api, "Printer broken again",
            description: "This is terrible and unacceptable, I am furious, nothing works and I am angry.", priority: "NORMAL", category: "HARDWARE");
        await PatchAsync(api, invoice, new { resolution_status = "RESOLVED" });
        using (var assigned = await api.PutAsJsonAsync($"/api/tickets/{vpn}/assignee/", new { assignee = "me" }))
        {
            assigned.EnsureSuccessStatusCode();
        }
        // The sentiment is the triager's reading, not settable: the test checks its premise over REST first.
        Assert.Equal("NEGATIVE", (string?)(await GetAsync(api, angry))["sentiment"]);
        Assert.NotEqual("NEGATIVE", (string?)(await GetAsync(api, vpn))["sentiment"]);

        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        try
        {
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout(15_000);
            async Task<IReadOnlyList<string>> FilterAsync(Func<IPage, Task> choose)
            {
                await page.GotoAsync(site.Origin + "/queue");
                await choose(page);
                await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
                await page.WaitForAddressContainingAsync("?");
                return await TitlesAsync(page);
            }

            Assert.Equal(["Invoice shows the wrong amount"], await FilterAsync(p => p.GetByLabel("Status").SelectOptionAsync("RESOLVED")));
            Assert.Equal(["VPN drops every hour"], await FilterAsync(p => p.GetByLabel("Priority").SelectOptionAsync("URGENT")));
            Assert.Equal(["Invoice shows the wrong amount"], await FilterAsync(p => p.GetByLabel("Category").SelectOptionAsync("BILLING")));
            Assert.Equal(["Printer broken again"], await FilterAsync(p => p.GetByLabel("Sentiment").SelectOptionAsync("NEGATIVE")));
            Assert.Equal(["VPN drops every hour"], await FilterAsync(p => p.GetByLabel("Assignee").SelectOptionAsync(new SelectOptionValue { Label = "Me" })));
            Assert.Equal(["Printer broken again", "Invoice shows the wrong amount"],
                await FilterAsync(p => p.GetByLabel("Assignee").SelectOptionAsync(new SelectOptionValue { Label = "Nobody" })));
            Assert.Equal(["Invoice shows the wrong amount"], await FilterAsync(p => p.GetByRole(AriaRole.Searchbox, new() { Name = "Search" }).FillAsync("invoice")));
            // The form shows the filter it was sent, and the counts follow the other filters.
            await Expect(page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" })).ToHaveValueAsync("invoice");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "RESOLVED 1" })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "OPEN 0" })).ToBeVisibleAsync();
        }
        finally
        {
            await context.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_pager_moves_through_the_queue_keeping_the_filters()
    {
        await using var site = DeskSite.Start(chromium);
        using var api = site.Host.CreateClient();
        foreach (var title in new[] { "First network", "Second network", "Third network" })
        {
            await CreateAsync(api, title, priority: "NORMAL", category: "NETWORK");
        }
        await CreateAsync(api, "Billing elsewhere", priority: "NORMAL", category: "BILLING");
        var page = await site.NewPageAsync();

        await page.GotoAsync(site.Origin + "/queue?category=NETWORK&page_size=2");
        Assert.Equal(["First network", "Second network"], await TitlesAsync(page));
        await page.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        await page.WaitForAddressContainingAsync("page=2");

        Assert.Equal(["Third network"], await TitlesAsync(page));
        await Expect(page.GetByText("Page 2 of 2")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_malformed_filter_in_the_address_is_a_400_that_names_it_and_what_it_allows()
    {
        await using var site = DeskSite.Start(chromium);
        var page = await site.NewPageAsync();

        var response = await page.GotoAsync(site.Origin + "/queue?priority=SOON");

        Assert.Equal((int)HttpStatusCode.BadRequest, response!.Status);
        var alert = page.GetByRole(AriaRole.Alert);
        await Expect(alert).ToContainTextAsync("priority");
        await Expect(alert).ToContainTextAsync("URGENT");
    }

    [Fact]
    public async Task A_page_past_the_end_is_a_404_and_an_unknown_parameter_a_400_each_explained_in_an_alert()
    {
        await using var site = DeskSite.Start(chromium);
        using var api = site.Host.CreateClient();
        await CreateAsync(api, "Only one", priority: "NORMAL");
        var page = await site.NewPageAsync();

        var pastTheEnd = await page.GotoAsync(site.Origin + "/queue?page=9");
        Assert.Equal((int)HttpStatusCode.NotFound, pastTheEnd!.Status);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("page");

        var unknown = await page.GotoAsync(site.Origin + "/queue?colour=red");
        Assert.Equal((int)HttpStatusCode.BadRequest, unknown!.Status);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("colour: Unknown query parameter.");
    }

    [Fact]
    public async Task A_ticket_created_over_rest_appears_without_a_reload_and_an_urgent_one_is_announced()
    {
        await using var site = DeskSite.Start(chromium);
        using var api = site.Host.CreateClient();
        await CreateAsync(api, "Already here", priority: "NORMAL");
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.Origin + "/queue");
        // No wait for the stream to open: it resumes after the newest event the page was rendered with. A reload would lose this mark; the live update must keep the document.
        await page.EvaluateAsync("() => { window.sameDocument = true; }");
        await page.GetByRole(AriaRole.Link, new() { Name = "#1 Already here" }).FocusAsync();

        await CreateAsync(api, "Quiet newcomer", priority: "LOW");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Quiet newcomer" })).ToBeVisibleAsync();
        var urgent = await CreateAsync(api, "Datacenter on fire", priority: "URGENT");

        var row = page.Locator($"tr[data-ticket-id='{urgent}']");
        await Expect(row).ToContainTextAsync("New");
        await Expect(page.Locator("#announcer")).ToContainTextAsync($"New URGENT ticket: #{urgent} Datacenter on fire");
        Assert.Equal(["Datacenter on fire", "Already here", "Quiet newcomer"], await TitlesAsync(page));
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "OPEN 3" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "#1 Already here" })).ToBeFocusedAsync();
    }

    [Fact]
    public async Task A_requester_is_sent_to_forbidden_from_the_queue_and_from_a_ticket_view()
    {
        await using var site = DeskSite.Start(chromium, accountsRequired: true);
        using var agent = await site.ClientAsAsync("sam@example.com", "agent");
        var id = await CreateAsync(agent, "Mine to see", priority: "NORMAL", requesterEmail: "dana@example.com");
        var page = await site.SignInAsync("dana@example.com", "requester");

        await page.GotoAsync(site.Origin + "/queue");
        Assert.EndsWith("/forbidden", page.Url, StringComparison.Ordinal);
        await page.GotoAsync(site.Origin + $"/tickets/{id}");
        Assert.EndsWith("/forbidden", page.Url, StringComparison.Ordinal);
        await page.GotoAsync(site.Origin + "/queue?handler=rows");
        Assert.EndsWith("/forbidden", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agent_signed_in_sees_the_queue_with_their_own_tickets_under_assignee_me()
    {
        await using var site = DeskSite.Start(chromium, accountsRequired: true);
        var page = await site.SignInAsync("sam@example.com", "agent");
        using var other = await site.ClientAsAsync("kim@example.com", "agent");
        var mine = await CreateAsync(other, "For Sam", priority: "NORMAL");
        await CreateAsync(other, "For Kim", priority: "NORMAL");
        using (var assigned = await other.PutAsJsonAsync($"/api/tickets/{mine}/assignee/", new { assignee = "sam@example.com" }))
        {
            assigned.EnsureSuccessStatusCode();
        }

        await page.GotoAsync(site.Origin + "/queue?assignee=me");

        Assert.Equal(["For Sam"], await TitlesAsync(page));
        await Expect(page.Locator("tbody tr").First).ToContainTextAsync("sam@example.com");
    }

    [Fact]
    public async Task The_queue_has_no_serious_accessibility_violations_at_desktop_or_phone_width()
    {
        await using var site = DeskSite.Start(chromium);
        using var api = site.Host.CreateClient();
        await CreateAsync(api, "Urgent one", priority: "URGENT");
        await CreateAsync(api, "Low one", priority: "LOW");
        foreach (var viewport in new[] { null, DeskSite.Phone })
        {
            var page = await site.NewPageAsync(viewport);
            await page.GotoAsync(site.Origin + "/queue?page_size=1");
            await Accessibility.AssertNoSeriousViolationsAsync(page);
        }
    }

    /// <summary>The queue's ticket titles, top to bottom (the link reads "#id title").</summary>
    private static async Task<IReadOnlyList<string>> TitlesAsync(IPage page) =>
        [.. (await page.Locator("tbody tr td:nth-child(2) a").AllInnerTextsAsync()).Select(text => text[(text.IndexOf(' ', StringComparison.Ordinal) + 1)..])];

    internal static async Task<long> CreateAsync(HttpClient api, string title, string description = "", string? priority = null, string? category = null,
        string? requesterEmail = null, string? requesterName = null)
    {
        var body = new JsonObject { ["title"] = title, ["description"] = description };
        if (priority is not null) body["priority"] = priority;
        if (category is not null) body["category"] = category;
        if (requesterEmail is not null) body["requester_email"] = requesterEmail;
        if (requesterName is not null) body["requester_name"] = requesterName;
        using var response = await api.PostAsJsonAsync("/api/tickets/", body);
        response.EnsureSuccessStatusCode();
        return (long)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!;
    }

    internal static async Task<JsonNode> GetAsync(HttpClient api, long id) =>
        JsonNode.Parse(await api.GetStringAsync(new Uri($"/api/tickets/{id}/", UriKind.Relative)))!;

    internal static async Task PatchAsync(HttpClient api, long id, object changes)
    {
        using var response = await api.PatchAsJsonAsync($"/api/tickets/{id}/", changes);
        response.EnsureSuccessStatusCode();
    }
}
