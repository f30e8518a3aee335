using System.Net;
using BrowserSupport;
using Microsoft.Playwright;

namespace AgentHost.Tests.Desk;

/// <summary>The desk's shell (docs/desk.md, "Pages and access"): the start page, sign-in, sign-out and the refusals.</summary>
public sealed class DeskShellTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task In_local_mode_the_start_page_sends_the_local_admin_to_the_queue_with_every_section_in_the_menu()
    {
        await using var site = DeskSite.Start(chromium);
        var page = await site.NewPageAsync();

        var response = await page.GotoAsync(site.Origin + "/");

        Assert.EndsWith("/queue", page.Url, StringComparison.Ordinal);
        var links = await page.GetByRole(AriaRole.Navigation, new() { Name = "Sections" }).GetByRole(AriaRole.Link).AllInnerTextsAsync();
        Assert.Equal(["Get help", "My tickets", "Queue", "Knowledge base", "Analytics", "Users", "API keys"], links);
        Assert.NotNull(response);
    }

    [Fact]
    public async Task With_accounts_required_a_page_sends_the_browser_to_sign_in_and_back_to_the_page_afterwards()
    {
        await using var site = DeskSite.Start(chromium, accountsRequired: true);
        await AgentTickets.Testing.TestAccounts.CreateUserAsync(site.Host.Services, "ada@example.com", "agent");
        var page = await site.NewPageAsync();

        await page.GotoAsync(site.Origin + "/kb?q=vpn");
        Assert.Contains("/signin?returnUrl=", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("Email").FillAsync("ada@example.com");
        await page.GetByLabel("Password").FillAsync(AgentTickets.Testing.TestAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.WaitForAddressAsync(site.Origin + "/kb?q=vpn");
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_one_message_that_does_not_say_which_part_was_wrong()
    {
        await using var site = DeskSite.Start(chromium, accountsRequired: true);
        await AgentTickets.Testing.TestAccounts.CreateUserAsync(site.Host.Services, "ada@example.com", "agent");
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.Origin + "/signin");

        await page.GetByLabel("Email").FillAsync("ada@example.com");
        await page.GetByLabel("Password").FillAsync("not-the-password");
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync(), r => r.Request.Method == "POST");

        Assert.Equal((int)HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("That email and password do not match an account.", await page.GetByRole(AriaRole.Alert).InnerTextAsync());
    }

    [Fact]
    public async Task A_sign_in_link_cannot_send_the_person_to_another_site_afterwards()
    {
        await using var site = DeskSite.Start(chromium, accountsRequired: true);
        await AgentTickets.Testing.TestAccounts.CreateUserAsync(site.Host.Services, "ada@example.com", "agent");
        var page = await site.NewPageAsync();

        await page.GotoAsync(site.Origin + "/signin?returnUrl=" + Uri.EscapeDataString("https://evil.test/"));
        await page.GetByLabel("Email").FillAsync("ada@example.com");
        await page.GetByLabel("Password").FillAsync(AgentTickets.Testing.TestAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.WaitForAddressAsync(site.Origin + "/queue");
    }

    [Fact]
    public async Task A_requester_sees_only_their_own_sections_and_a_staff_page_answers_forbidden()
    {
        await using var site = DeskSite.Start(chromium, accountsRequired: true);
        var page = await site.SignInAsync("dana@example.com", "requester");

        Assert.EndsWith("/help", page.Url, StringComparison.Ordinal);
        var links = await page.GetByRole(AriaRole.Navigation, new() { Name = "Sections" }).GetByRole(AriaRole.Link).AllInnerTextsAsync();
        Assert.Equal(["Get help", "My tickets"], links);
        await page.GotoAsync(site.Origin + "/analytics");
        Assert.EndsWith("/forbidden", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_so_the_next_page_asks_for_a_sign_in_again()
    {
        await using var site = DeskSite.Start(chromium, accountsRequired: true);
        var page = await site.SignInAsync("ada@example.com", "agent");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForAddressContainingAsync("/signin");
        await page.GotoAsync(site.Origin + "/queue");

        Assert.Contains("/signin?returnUrl=%2Fqueue", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_program_asking_a_page_for_json_gets_the_apis_401_not_a_redirect()
    {
        await using var site = DeskSite.Start(chromium, accountsRequired: true);
        using var client = site.Host.CreateClient();
        client.DefaultRequestHeaders.Accept.ParseAdd("application/json");

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_sign_in_page_has_no_serious_accessibility_violations_at_desktop_or_phone_width()
    {
        await using var site = DeskSite.Start(chromium, accountsRequired: true);
        foreach (var viewport in new[] { null, DeskSite.Phone })
        {
            var page = await site.NewPageAsync(viewport);
            await page.GotoAsync(site.Origin + "/signin");
            await Accessibility.AssertNoSeriousViolationsAsync(page);
        }
    }

    [Fact]
    public async Task Two_announcements_made_together_are_both_kept_for_screen_readers_and_a_later_one_starts_afresh()
    {
        await using var site = DeskSite.Start(chromium);
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.Origin + "/queue");
        var announcer = page.Locator("#announcer");

        // As the ticket view and its draft panel do when one live event concerns both.
        await page.EvaluateAsync("() => { desk.announce('Someone else changed this ticket.'); desk.announce('The draft was sent.'); }");
        await Assertions.Expect(announcer).ToHaveTextAsync("Someone else changed this ticket. The draft was sent.");

        // Well after the last one (the page's clock moved on instead of the test waiting).
        await page.EvaluateAsync("() => { const later = performance.now() + 60000; performance.now = () => later; desk.announce('Status is now CLOSED.'); }");
        await Assertions.Expect(announcer).ToHaveTextAsync("Status is now CLOSED.");
    }

    [Fact]
    public async Task The_style_sheet_closes_every_block_so_no_rule_ends_up_nested_inside_a_phone_width_query()
    {
        await using var site = DeskSite.Start(chromium, accountsRequired: true);
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.Origin + "/signin");

        // desk.css uses no nesting: a block left open (as a merge once left two) swallows every rule after it.
        var nested = await page.EvaluateAsync<string[]>("""
            () => {
              const sheet = [...document.styleSheets].find(s => s.href && s.href.endsWith('/desk/desk.css'));
              const found = [];
              const visit = (rules, insideMedia) => {
                for (const rule of rules) {
                  if (rule instanceof CSSMediaRule && !insideMedia) visit(rule.cssRules, true);
                  else if (rule.cssRules && rule.cssRules.length > 0 || rule instanceof CSSMediaRule) found.push(rule.cssText.slice(0, 80));
                }
              };
              visit(sheet.cssRules, false);
              return found;
            }
            """);
        var topLevel = await page.EvaluateAsync<int>("() => [...[...document.styleSheets].find(s => s.href && s.href.endsWith('/desk/desk.css')).cssRules].filter(r => r instanceof CSSStyleRule && r.selectorText === '.portal-log .said, .portal-body').length");

        Assert.Empty(nested);
        Assert.Equal(1, topLevel);
    }
}
