using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrowserSupport;
using Microsoft.Playwright;

namespace AgentHost.Tests.Desk;

/// <summary>The analytics page (docs/analytics.md, docs/desk.md): server-drawn charts with their numbers, the period form, its errors, accessibility.</summary>
public sealed class AnalyticsPageTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private static readonly string[] Charts =
    [
        "Created and resolved per day", "Tickets by status now", "Open tickets by category", "Open tickets by priority",
        "Sentiment of new tickets per day", "New tickets by channel", "Ratings by score",
    ];

    [Fact]
    public async Task The_page_draws_every_chart_with_a_label_and_its_numbers_match_the_api()
    {
        await using var site = DeskSite.Start(chromium, accountsRequired: true);
        using var agent = await site.ClientAsAsync("sam@example.com", "agent");
        foreach (var title in new[] { "Printer jam", "VPN drops", "Laptop broken" })
        {
            (await agent.PostAsJsonAsync("/api/tickets/", new { title, category = "HARDWARE", priority = "HIGH" })).EnsureSuccessStatusCode();
        }
        var first = JsonNode.Parse(await (await agent.GetAsync(new Uri("/api/tickets/?ordering=id", UriKind.Relative))).Content.ReadAsStringAsync())!["results"]![0]!;
        (await agent.PatchAsJsonAsync($"/api/tickets/{first["id"]}/", new { resolution_status = "RESOLVED" })).EnsureSuccessStatusCode();
        var api = JsonNode.Parse(await agent.GetStringAsync(new Uri("/api/analytics/", UriKind.Relative)))!;
        var page = await site.SignInAsync("ada@example.com", "agent");

        await page.GotoAsync(site.Origin + "/analytics");

        foreach (var title in Charts)
        {
            var chart = page.GetByRole(AriaRole.Img, new() { Name = title + ":", Exact = false });
            Assert.Equal(1, await chart.CountAsync());
        }
        var status = await page.GetByRole(AriaRole.Img, new() { Name = "Tickets by status now:" }).GetAttributeAsync("aria-label");
        var byStatus = api["backlog"]!["by_status"]!;
        Assert.Equal($"Tickets by status now: OPEN {byStatus["OPEN"]}, RESOLVED {byStatus["RESOLVED"]}, CLOSED {byStatus["CLOSED"]}", status);
        Assert.Equal("OPEN 2, RESOLVED 1, CLOSED 0", status!["Tickets by status now: ".Length..]);
        var priority = await page.GetByRole(AriaRole.Img, new() { Name = "Open tickets by priority:" }).GetAttributeAsync("aria-label");
        Assert.Contains($"HIGH {api["backlog"]!["open_by_priority"]!["HIGH"]}", priority, StringComparison.Ordinal);
        Assert.Equal(((long)api["totals"]!["created"]!).ToString(System.Globalization.CultureInfo.InvariantCulture),
            await page.Locator("[data-figure=created]").InnerTextAsync());
        Assert.Equal("1", await page.Locator("[data-figure=resolved]").InnerTextAsync());
        // The same numbers as a table, for readers of tables.
        await page.Locator("#chart-status summary").ClickAsync();
        Assert.Equal("2", await page.Locator("#chart-status table tr", new() { HasText = "OPEN" }).Locator("td").InnerTextAsync());
    }

    [Fact]
    public async Task The_period_form_is_a_plain_get_form_and_a_bad_date_is_shown_in_an_alert()
    {
        await using var site = DeskSite.Start(chromium, accountsRequired: true);
        var page = await site.SignInAsync("sam@example.com", "agent");
        await page.GotoAsync(site.Origin + "/analytics");

        await page.GetByLabel("From", new() { Exact = true }).FillAsync("2026-03-01");
        await page.GetByLabel("To", new() { Exact = true }).FillAsync("2026-03-07");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await page.WaitForAddressAsync(site.Origin + "/analytics?from=2026-03-01&to=2026-03-07");
        Assert.Equal(7, await page.Locator("#chart-created-resolved tbody tr").CountAsync());

        var response = await page.GotoAsync(site.Origin + "/analytics?from=2026-03-10&to=2026-03-01");
        Assert.Equal(400, response!.Status);
        Assert.Contains("from", await page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_has_no_serious_accessibility_violations_at_desktop_or_phone_width()
    {
        await using var site = DeskSite.Start(chromium, accountsRequired: true);
        foreach (var (viewport, email) in new[] { (null, "ada@example.com"), (DeskSite.Phone, "sam@example.com") })
        {
            var page = await site.SignInAsync(email, "agent", viewport);
            await page.GotoAsync(site.Origin + "/analytics");
            await Accessibility.AssertNoSeriousViolationsAsync(page);
            // The charts scale to the width: none wider than the page.
            var widest = await page.EvaluateAsync<double>("Math.max(...[...document.querySelectorAll('figure.chart svg')].map(s => s.getBoundingClientRect().right))");
            Assert.True(widest <= (viewport?.Width ?? 1280), $"a chart reaches {widest}px");
        }
    }
}
