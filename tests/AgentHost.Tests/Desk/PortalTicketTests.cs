using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrowserSupport;
using Microsoft.Playwright;

namespace AgentHost.Tests.Desk;

/// <summary>
/// /my/{id} (docs/desk.md, "Requester portal"): one ticket's public thread, adding a message and rating, in a real
/// Chromium, with the changes checked over REST and the staff-only parts checked absent from the HTML sent.
/// </summary>
public sealed class PortalTicketTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const string Dana = "dana@example.com";

    private static Uri Url(string path) => new(path, UriKind.Relative);

    private static ILocator Thread(IPage page) => page.Locator("#thread");

    [Fact]
    public async Task Someone_elses_ticket_is_a_404()
    {
        await using var site = DeskSite.Start(chromium, accountsRequired: true);
        var page = await site.SignInAsync(Dana, "requester");
        using var agent = await site.ClientAsAsync("sam@example.com", "agent");
        var lees = await PortalSite.FileAsync(agent, "Lee's monitor flickers", "lee@example.com");

        var response = await page.GotoAsync(site.Origin + $"/my/{lees}");

        Assert.Equal((int)HttpStatusCode.NotFound, response!.Status);
        Assert.DoesNotContain("flickers", await page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_shows_customer_messages_and_replies_but_no_note_sentiment_triage_or_tech_instructions_in_the_html()
    {
        await using var site = DeskSite.Start(chromium, accountsRequired: true);
        var page = await site.SignInAsync(Dana, "requester");
        using var agent = await site.ClientAsAsync("sam@example.com", "agent");
        var id = await PortalSite.FileAsync(agent, "Printer failed again", Dana, "This is useless and terrible, I am furious: the printer has failed again!");
        await PortalSite.AddMessageAsync(agent, id, "customer", "It happens on every second page.");
        await PortalSite.AddMessageAsync(agent, id, "note", "Watch list: this requester escalates quickly.");
        await PortalSite.AddMessageAsync(agent, id, "reply", "We are sending a technician.");
        (await agent.PostAsJsonAsync($"/api/tickets/{id}/draft", new { })).EnsureSuccessStatusCode();
        (await agent.PutAsJsonAsync($"/api/tickets/{id}/draft", new { reply = "Try tray 1 meanwhile.", tech_instructions = "Replace the fuser unit, part FX-200." })).EnsureSuccessStatusCode();
        var staffView = await PortalSite.JsonAsync(await agent.GetAsync(Url($"/api/tickets/{id}/")));
        Assert.Equal("NEGATIVE", (string?)staffView["sentiment"]);

        await page.GotoAsync(site.Origin + $"/my/{id}");

        await Assertions.Expect(Thread(page).Locator("li")).ToHaveCountAsync(2);
        await Assertions.Expect(Thread(page)).ToContainTextAsync("It happens on every second page.");
        await Assertions.Expect(Thread(page)).ToContainTextAsync("We are sending a technician.");
        await Assertions.Expect(page.Locator("#ticket-status")).ToHaveTextAsync("Open");
        var html = await page.ContentAsync();
        Assert.DoesNotContain("Watch list", html, StringComparison.Ordinal);
        Assert.DoesNotContain("FX-200", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Try tray 1", html, StringComparison.Ordinal);
        Assert.DoesNotContain("NEGATIVE", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("sentiment", html, StringComparison.OrdinalIgnoreCase);
        foreach (var field in new[] { "category", "priority", "sentiment" })
        {
            Assert.DoesNotContain((string)staffView["triage"]![field]!["reason"]!, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_message_added_appears_without_a_reload_and_is_in_the_thread_over_rest()
    {
        await using var site = DeskSite.Start(chromium, accountsRequired: true);
        var page = await site.SignInAsync(Dana, "requester");
        using var dana = await PortalSite.ClientOfAsync(site, Dana);
        var id = await PortalSite.FileAsync(dana, "Mailbox is full");
        await page.GotoAsync(site.Origin + $"/my/{id}");
        var loaded = await page.EvaluateAsync<double>("performance.timeOrigin");

        await page.GetByLabel("Your message").FillAsync("I deleted old mail but it is still full.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();

        await Assertions.Expect(Thread(page).Locator("li")).ToHaveCountAsync(1);
        await Assertions.Expect(Thread(page)).ToContainTextAsync("I deleted old mail but it is still full.");
        Assert.Equal(loaded, await page.EvaluateAsync<double>("performance.timeOrigin"));
        Assert.Equal("", await page.GetByLabel("Your message").InputValueAsync());
        var thread = await PortalSite.JsonAsync(await dana.GetAsync(Url($"/api/tickets/{id}/messages/")));
        var message = Assert.Single(thread["results"]!.AsArray());
        Assert.Equal("customer", (string?)message!["kind"]);
        Assert.Equal("I deleted old mail but it is still full.", (string?)message["body"]);
    }

    [Fact]
    public async Task A_message_to_a_closed_ticket_shows_the_apis_reason_in_an_alert_and_keeps_the_text()
    {
        await using var site = DeskSite.Start(chromium, accountsRequired: true);
        var page = await site.SignInAsync(Dana, "requester");
        using var agent = await site.ClientAsAsync("sam@example.com", "agent");
        using var dana = await PortalSite.ClientOfAsync(site, Dana);
        var id = await PortalSite.FileAsync(agent, "Mailbox is full", Dana);
        await PortalSite.MoveAsync(agent, id, "RESOLVED");
        await PortalSite.MoveAsync(agent, id, "CLOSED");
        using var refusal = await dana.PostAsJsonAsync($"/api/tickets/{id}/messages/", new { kind = "customer", body = "Still full." });
        Assert.Equal(HttpStatusCode.Conflict, refusal.StatusCode);
        var detail = (string)JsonNode.Parse(await refusal.Content.ReadAsStringAsync())!["detail"]!;
        await page.GotoAsync(site.Origin + $"/my/{id}");

        await page.GetByLabel("Your message").FillAsync("Still full.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(detail);
        Assert.Equal("Still full.", await page.GetByLabel("Your message").InputValueAsync());
        await Assertions.Expect(Thread(page).Locator("li")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Once_an_agent_resolves_the_ticket_the_requester_rates_it_and_then_sees_the_rating_instead_of_the_form()
    {
        await using var site = DeskSite.Start(chromium, accountsRequired: true);
        var page = await site.SignInAsync(Dana, "requester");
        using var agent = await site.ClientAsAsync("sam@example.com", "agent");
        var id = await PortalSite.FileAsync(agent, "Mailbox is full", Dana);
        await PortalSite.MoveAsync(agent, id, "RESOLVED");
        await page.GotoAsync(site.Origin + $"/my/{id}");

        await page.GetByLabel("4").CheckAsync();
        await page.GetByLabel("Comment (optional)").FillAsync("Quick, thanks.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send rating" }).ClickAsync();

        await Assertions.Expect(page.Locator("#rating-given")).ToHaveTextAsync("You rated this 4 out of 5.");
        var ticket = await PortalSite.JsonAsync(await agent.GetAsync(Url($"/api/tickets/{id}/")));
        Assert.Equal(4, (int)ticket["rating"]!["score"]!);
        Assert.Equal("Quick, thanks.", (string?)ticket["rating"]!["comment"]);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#rating-given")).ToHaveTextAsync("You rated this 4 out of 5.");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send rating" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Before_resolution_no_rating_is_offered()
    {
        await using var site = DeskSite.Start(chromium, accountsRequired: true);
        var page = await site.SignInAsync(Dana, "requester");
        using var agent = await site.ClientAsAsync("sam@example.com", "agent");
        var id = await PortalSite.FileAsync(agent, "Mailbox is full", Dana);

        await page.GotoAsync(site.Origin + $"/my/{id}");

        await Assertions.Expect(page.GetByText("You can rate the ticket once it is resolved.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send rating" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Radio)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_rating_the_api_refuses_is_shown_with_its_reason_in_an_alert()
    {
        await using var site = DeskSite.Start(chromium, accountsRequired: true);
        var page = await site.SignInAsync(Dana, "requester");
        using var agent = await site.ClientAsAsync("sam@example.com", "agent");
        using var dana = await PortalSite.ClientOfAsync(site, Dana);
        var id = await PortalSite.FileAsync(agent, "Mailbox is full", Dana);
        await PortalSite.MoveAsync(agent, id, "RESOLVED");
        await page.GotoAsync(site.Origin + $"/my/{id}");
        // Rated meanwhile from elsewhere (another tab, the emailed link): the page's form is now stale.
        (await dana.PostAsJsonAsync($"/api/tickets/{id}/rating/", new { score = 5 })).EnsureSuccessStatusCode();
        using var again = await dana.PostAsJsonAsync($"/api/tickets/{id}/rating/", new { score = 2 });
        var detail = (string)JsonNode.Parse(await again.Content.ReadAsStringAsync())!["detail"]!;

        await page.GetByLabel("2").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send rating" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(detail);
        var ticket = await PortalSite.JsonAsync(await agent.GetAsync(Url($"/api/tickets/{id}/")));
        Assert.Equal(5, (int)ticket["rating"]!["score"]!);
    }

    [Fact]
    public async Task The_ticket_page_has_no_serious_accessibility_violations_at_desktop_or_phone_width()
    {
        await using var site = DeskSite.Start(chromium, accountsRequired: true);
        using var agent = await site.ClientAsAsync("sam@example.com", "agent");
        foreach (var (viewport, email) in new[] { ((ViewportSize?)null, Dana), (DeskSite.Phone, "lee@example.com") })
        {
            var id = await PortalSite.FileAsync(agent, "Mailbox is full", email, "It says 50 GB of 50 GB.");
            await PortalSite.AddMessageAsync(agent, id, "reply", "We doubled your quota.");
            await PortalSite.MoveAsync(agent, id, "RESOLVED");
            var page = await site.SignInAsync(email, "requester", viewport);
            await page.GotoAsync(site.Origin + $"/my/{id}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send rating" }).WaitForAsync();
            await Accessibility.AssertNoSeriousViolationsAsync(page);
        }
    }
}
