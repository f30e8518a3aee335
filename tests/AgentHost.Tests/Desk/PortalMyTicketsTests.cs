using BrowserSupport;
using Microsoft.Playwright;

namespace AgentHost.Tests.Desk;

/// <summary>/my (docs/desk.md, "Requester portal"): the person's own tickets, newest first, in a real Chromium.</summary>
public sealed class PortalMyTicketsTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const string Dana = "dana@example.com";

    private static ILocator Rows(IPage page) => page.Locator("table.portal-tickets tbody tr");

    [Fact]
    public async Task My_tickets_lists_only_the_persons_own_newest_first_with_their_status()
    {
        await using var site = DeskSite.Start(chromium, accountsRequired: true);
        var page = await site.SignInAsync(Dana, "requester");
        using var agent = await site.ClientAsAsync("sam@example.com", "agent");
        using var dana = await PortalSite.ClientOfAsync(site, Dana);
        var sentAsDana = await PortalSite.FileAsync(agent, "Mailbox is full", Dana);
        await PortalSite.FileAsync(agent, "Lee's monitor flickers", "lee@example.com");
        var filedByDana = await PortalSite.FileAsync(dana, "Printer jams on tray 2");
        await PortalSite.MoveAsync(agent, sentAsDana, "RESOLVED");

        await page.GotoAsync(site.Origin + "/my");

        var rows = await Rows(page).AllInnerTextsAsync();
        Assert.Equal(2, rows.Count);
        Assert.StartsWith($"#{filedByDana} Printer jams on tray 2\tOpen", rows[0], StringComparison.Ordinal);
        Assert.StartsWith($"#{sentAsDana} Mailbox is full\tResolved", rows[1], StringComparison.Ordinal);
        Assert.DoesNotContain("Lee", await page.ContentAsync(), StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = $"#{sentAsDana} Mailbox is full" })).ToHaveAttributeAsync("href", $"/my/{sentAsDana}");
    }

    [Fact]
    public async Task Without_tickets_the_page_says_so_and_points_to_get_help()
    {
        await using var site = DeskSite.Start(chromium, accountsRequired: true);
        var page = await site.SignInAsync(Dana, "requester");

        await page.GotoAsync(site.Origin + "/my");

        await Assertions.Expect(page.GetByText("You have no tickets yet.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Get help" })).ToHaveAttributeAsync("href", "/help");
    }

    [Fact]
    public async Task More_tickets_than_a_page_are_reached_through_paging_links()
    {
        await using var site = DeskSite.Start(chromium, accountsRequired: true);
        var page = await site.SignInAsync(Dana, "requester");
        using var dana = await PortalSite.ClientOfAsync(site, Dana);
        for (var i = 1; i <= 21; i++)
        {
            await PortalSite.FileAsync(dana, $"Problem number {i}");
        }

        await page.GotoAsync(site.Origin + "/my");
        Assert.Equal(20, await Rows(page).CountAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "Older tickets" }).ClickAsync();
        await page.WaitForAddressAsync(site.Origin + "/my?page=2");

        Assert.Equal(["Problem number 1"], (await Rows(page).Locator("td a").AllInnerTextsAsync()).Select(t => t[(t.IndexOf(' ', StringComparison.Ordinal) + 1)..]));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Newer tickets" })).ToHaveAttributeAsync("href", "/my?page=1");
    }

    [Fact]
    public async Task With_javascript_off_my_tickets_and_a_ticket_read_the_same()
    {
        await using var site = DeskSite.Start(chromium, accountsRequired: true);
        var signedIn = await site.SignInAsync(Dana, "requester");
        using var agent = await site.ClientAsAsync("sam@example.com", "agent");
        var id = await PortalSite.FileAsync(agent, "Mailbox is full", Dana, "It says 50 GB of 50 GB.");
        await PortalSite.AddMessageAsync(agent, id, "reply", "We doubled your quota.");
        var (context, page) = await PortalSite.WithoutJavaScriptAsync(chromium, signedIn);
        await using var _ = context;

        await page.GotoAsync(site.Origin + "/my");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = $"#{id} Mailbox is full" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"#{id} Mailbox is full" }).ClickAsync();
        await page.WaitForAddressAsync(site.Origin + $"/my/{id}");

        await Assertions.Expect(page.GetByText("It says 50 GB of 50 GB.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("We doubled your quota.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Sending a message needs JavaScript.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send" })).ToBeHiddenAsync();
    }

    [Fact]
    public async Task My_tickets_has_no_serious_accessibility_violations_at_desktop_or_phone_width()
    {
        await using var site = DeskSite.Start(chromium, accountsRequired: true);
        using var agent = await site.ClientAsAsync("sam@example.com", "agent");
        await PortalSite.FileAsync(agent, "Mailbox is full", Dana);
        await PortalSite.FileAsync(agent, "A rather long title about the docking station that stops charging the laptop overnight", Dana);
        await PortalSite.FileAsync(agent, "A rather long title about the docking station that stops charging the laptop overnight", "lee@example.com");
        foreach (var viewport in new[] { null, DeskSite.Phone })
        {
            var page = await site.SignInAsync(viewport is null ? Dana : "lee@example.com", "requester", viewport);
            await page.GotoAsync(site.Origin + "/my");
            await Accessibility.AssertNoSeriousViolationsAsync(page);
        }
    }
}
