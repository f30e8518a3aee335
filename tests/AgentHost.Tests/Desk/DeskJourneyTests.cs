using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BrowserSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgentHost.Tests.Desk;

/// <summary>
/// The whole desk as its people use it, in one real Chromium with accounts required and the offline assistant
/// (docs/desk.md): a requester files a ticket through the chat, the agent sees it arrive in the queue without a
/// reload, drafts, refines and sends a reply that resolves it, the requester reads the reply and rates it, and
/// analytics counts the ticket, its channel and its rating.
/// </summary>
public sealed partial class DeskJourneyTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task A_ticket_filed_through_the_chat_is_answered_from_the_live_queue_then_read_and_rated_by_its_requester()
    {
        await using var site = DeskSite.Start(chromium, accountsRequired: true);
        var agent = await site.SignInAsync("sam@example.com", "agent");
        await agent.GotoAsync(site.Origin + "/queue");
        await agent.EvaluateAsync("() => { window.sameDocument = true; }");

        // The requester asks for help in their own words; the assistant files the ticket and links it.
        var requester = await site.SignInAsync("dana@example.com", "requester");
        await requester.GotoAsync(site.Origin + "/help");
        await requester.GetByLabel("Your message").FillAsync("My VPN keeps disconnecting every few minutes when I work from home");
        await requester.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        var link = requester.GetByRole(AriaRole.Link, new() { NameRegex = TicketLink() });
        await link.WaitForAsync();
        var id = long.Parse(TicketNumber().Match(await link.InnerTextAsync()).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        // The agent's queue shows it without a reload, and the agent opens it.
        var row = agent.Locator($"a[href='/tickets/{id}']");
        await Expect(row).ToBeVisibleAsync();
        Assert.True(await agent.EvaluateAsync<bool>("() => window.sameDocument === true"), "the queue reloaded instead of updating live");
        await row.ClickAsync();
        await agent.WaitForAddressAsync(site.Origin + $"/tickets/{id}");

        // A draft is written, refined with one click, and sent with the ticket resolved.
        var panel = agent.GetByRole(AriaRole.Region, new() { Name = "Draft reply" });
        await panel.GetByRole(AriaRole.Button, new() { Name = "Generate draft" }).ClickAsync();
        await Expect(panel.GetByText(new Regex("^Version 1, "))).ToBeVisibleAsync();
        await panel.GetByRole(AriaRole.Button, new() { Name = "Shorter" }).ClickAsync();
        await Expect(panel.GetByText(new Regex("^Version 2, "))).ToBeVisibleAsync();
        await panel.GetByRole(AriaRole.Button, new() { Name = "Send and resolve" }).ClickAsync();
        await Expect(panel.GetByText("Sent, and the ticket is resolved.")).ToBeVisibleAsync();

        using var staff = await site.ClientAsAsync("lead@example.com", "admin");
        var messages = JsonNode.Parse(await staff.GetStringAsync($"/api/tickets/{id}/messages/"))!["results"]!.AsArray();
        var reply = (string)messages.Single(m => (string)m!["kind"]! == "reply")!["body"]!;
        var firstLine = reply.Split('\n')[0];
        // The ticket view beside the panel shows the sent reply and the new status at once.
        await Expect(agent.GetByRole(AriaRole.Region, new() { Name = "Conversation" })).ToContainTextAsync(firstLine);
        await Expect(agent.GetByRole(AriaRole.Region, new() { Name = "Details" })).ToContainTextAsync("RESOLVED");

        // The requester reads the reply on their ticket and rates it.
        await requester.GotoAsync(site.Origin + $"/my/{id}");
        await Expect(requester.GetByRole(AriaRole.Main)).ToContainTextAsync(firstLine);
        await requester.GetByLabel("5").CheckAsync();
        await requester.GetByLabel("Comment (optional)").FillAsync("Fixed, thank you.");
        await requester.GetByRole(AriaRole.Button, new() { Name = "Send rating" }).ClickAsync();
        await Expect(requester.GetByRole(AriaRole.Button, new() { Name = "Send rating" })).ToHaveCountAsync(0);
        var ticket = JsonNode.Parse(await staff.GetStringAsync($"/api/tickets/{id}/"))!;
        Assert.Equal(5, (int)ticket["rating"]!["score"]!);
        Assert.Equal("RESOLVED", (string)ticket["resolution_status"]!);
        Assert.Equal("chat", (string)ticket["channel"]!);

        // Analytics counts the ticket, where it came from, its resolution and its rating, in figures and charts.
        var analytics = await agent.GotoAsync(site.Origin + "/analytics");
        Assert.True(analytics!.Status == 200, $"/analytics answered {analytics.Status}: {await agent.ContentAsync()}");
        Assert.Equal("1", await agent.Locator("[data-figure=created]").InnerTextAsync());
        Assert.Equal("1", await agent.Locator("[data-figure=resolved]").InnerTextAsync());
        Assert.Contains("chat", await agent.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("channel", RegexOptions.IgnoreCase) }).GetAttributeAsync("aria-label") ?? "", StringComparison.Ordinal);
        var figures = JsonNode.Parse(await staff.GetStringAsync("/api/analytics/"))!;
        Assert.Equal(1, (int)figures["channels"]!["chat"]!);
        Assert.Equal(1, (int)figures["csat"]!["distribution"]!["5"]!);
        Assert.Equal(1, (int)figures["first_response"]!["count"]!);
    }

    [GeneratedRegex(@"^Your ticket #\d+")]
    private static partial Regex TicketLink();

    [GeneratedRegex(@"#(\d+)")]
    private static partial Regex TicketNumber();
}
