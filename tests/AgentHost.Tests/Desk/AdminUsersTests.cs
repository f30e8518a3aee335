using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AgentTickets.Testing;
using BrowserSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TicketApi.Accounts;

namespace AgentHost.Tests.Desk;

/// <summary>
/// <c>/admin/users</c> in a real Chromium (docs/desk.md, "Admin"): what it lists and finds, each change it makes
/// (checked over REST afterwards), the API's refusals shown in an alert, who may open it, and axe at both widths.
/// </summary>
public sealed class AdminUsersTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const string Admin = "ada@example.com";

    private static ILocator Row(IPage page, string email) =>
        page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row).Filter(new() { HasText = email });

    private static async Task<JsonElement> PersonAsync(DeskSite site, string email)
    {
        using var admin = await site.ClientAsAsync("reader-" + Guid.NewGuid().ToString("N")[..8] + "@example.com", "admin");
        var page = await admin.GetFromJsonAsync<JsonElement>($"/api/users/?search={Uri.EscapeDataString(email)}");
        return page.GetProperty("results").EnumerateArray().Single(p => p.GetProperty("email").GetString() == email);
    }

    [Fact]
    public async Task The_page_lists_people_with_their_role_and_whether_their_address_is_vouched_for_and_finds_them_by_email_and_role()
    {
        await using var site = DeskSite.Start(chromium, accountsRequired: true);
        await TestAccounts.CreateUserAsync(site.Host.Services, "kim@example.com", "agent");
        await TestAccounts.CreateUserAsync(site.Host.Services, "lee@example.com", "requester");
        using var anonymous = site.Host.CreateClient();
        using (var registered = await anonymous.PostAsJsonAsync("/api/account/register", new { email = "kimberly@example.com", password = TestAccounts.Password }))
        {
            Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        }
        var page = await site.SignInAsync(Admin, "admin");

        await page.GotoAsync(site.Origin + "/admin/users");
        Assert.Equal("People (4)", await page.GetByRole(AriaRole.Heading, new() { Name = "People" }).InnerTextAsync());
        Assert.Equal(["kim@example.com", "agent", "yes"], (await Row(page, "kim@example.com").First.Locator("th, td").AllInnerTextsAsync()).Take(3));
        Assert.Equal("no", await Row(page, "kimberly@example.com").Locator("td").Nth(1).InnerTextAsync());

        await page.GetByLabel("Email contains").FillAsync("KIM");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.WaitForAddressContainingAsync("search=KIM");
        Assert.Equal(["kim@example.com", "kimberly@example.com"], await page.GetByRole(AriaRole.Table).Locator("tbody th").AllInnerTextsAsync());

        await page.GetByLabel("Has role").SelectOptionAsync("agent");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.WaitForAddressContainingAsync("role=agent");
        Assert.Equal(["kim@example.com"], await page.GetByRole(AriaRole.Table).Locator("tbody th").AllInnerTextsAsync());
    }

    [Fact]
    public async Task Pages_of_people_link_to_each_other_keeping_the_search_and_a_bad_page_is_shown_as_the_apis_refusal()
    {
        await using var site = DeskSite.Start(chromium, accountsRequired: true);
        for (var i = 0; i < 21; i++)
        {
            await TestAccounts.CreateUserAsync(site.Host.Services, $"person{i:00}@example.com", "requester");
        }
        var page = await site.SignInAsync(Admin, "admin");

        await page.GotoAsync(site.Origin + "/admin/users?search=person");
        await page.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        await page.WaitForAddressContainingAsync("page=2");
        Assert.Equal(["person20@example.com"], await page.GetByRole(AriaRole.Table).Locator("tbody th").AllInnerTextsAsync());
        Assert.Contains("search=person", page.Url, StringComparison.Ordinal);

        await page.GotoAsync(site.Origin + "/admin/users?page=nine");
        Assert.Contains("page: 'nine' is not a page number", await page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
        await page.GotoAsync(site.Origin + "/admin/users?page=9");
        Assert.Contains("There is no page 9", await page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Creating_a_person_shows_their_one_time_password_once_and_they_can_sign_in_with_it()
    {
        await using var site = DeskSite.Start(chromium, accountsRequired: true);
        var page = await site.SignInAsync(Admin, "admin");
        await page.GotoAsync(site.Origin + "/admin/users");

        await page.GetByLabel("Email", new() { Exact = true }).FillAsync("kim@example.com");
        await page.GetByLabel("Role", new() { Exact = true }).SelectOptionAsync("agent");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create person" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Password for kim@example.com" })).ToBeVisibleAsync();
        var password = await page.Locator("#one-time-password code").InnerTextAsync();

        Assert.Matches(@"^\S{12,}$", password);
        Assert.Contains("Pass it on privately", await page.Locator("#one-time-password").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("agent", await Row(page, "kim@example.com").Locator("[data-field=role]").InnerTextAsync());
        Assert.Equal("agent", (await PersonAsync(site, "kim@example.com")).GetProperty("role").GetString());
        using var kim = site.Host.CreateClient();
        Assert.NotEmpty(await TestAccounts.LoginAsync(kim, "kim@example.com", password));
        await page.ReloadAsync();
        Assert.DoesNotContain(password, await page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_a_role_is_made_through_the_api_and_seen_there()
    {
        await using var site = DeskSite.Start(chromium, accountsRequired: true);
        var kim = await TestAccounts.CreateUserAsync(site.Host.Services, "kim@example.com", "requester");
        var page = await site.SignInAsync(Admin, "admin");
        await page.GotoAsync(site.Origin + "/admin/users");

        await page.GetByLabel("New role for kim@example.com").SelectOptionAsync("agent");
        await Row(page, "kim@example.com").GetByRole(AriaRole.Button, new() { Name = "Change role" }).ClickAsync();

        await Assertions.Expect(Row(page, "kim@example.com").Locator("[data-field=role]")).ToHaveTextAsync("agent");
        using var admin = await site.ClientAsAsync("eve@example.com", "admin");
        var person = await admin.GetFromJsonAsync<JsonElement>($"/api/users/{kim}/");
        Assert.Equal("agent", person.GetProperty("role").GetString());
    }

    [Fact]
    public async Task Deleting_asks_first_so_cancel_keeps_the_person_and_confirming_deletes_them()
    {
        await using var site = DeskSite.Start(chromium, accountsRequired: true);
        var kim = await TestAccounts.CreateUserAsync(site.Host.Services, "kim@example.com", "agent");
        var page = await site.SignInAsync(Admin, "admin");
        await page.GotoAsync(site.Origin + "/admin/users");
        using var admin = await site.ClientAsAsync("eve@example.com", "admin");

        await Row(page, "kim@example.com").GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Delete kim@example.com?" });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        using (var kept = await admin.GetAsync(new Uri($"/api/users/{kim}/", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        }

        await Row(page, "kim@example.com").GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Delete for good" }).ClickAsync();

        await Assertions.Expect(Row(page, "kim@example.com")).ToHaveCountAsync(0);
        using var gone = await admin.GetAsync(new Uri($"/api/users/{kim}/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Demoting_or_deleting_the_last_admin_shows_the_apis_409_and_changes_nothing()
    {
        await using var site = DeskSite.Start(chromium, accountsRequired: true);
        var page = await site.SignInAsync(Admin, "admin");
        await page.GotoAsync(site.Origin + "/admin/users");

        await page.GetByLabel($"New role for {Admin}").SelectOptionAsync("agent");
        await Row(page, Admin).GetByRole(AriaRole.Button, new() { Name = "Change role" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("the desk's only admin");
        Assert.Equal("admin", await Row(page, Admin).Locator("[data-field=role]").InnerTextAsync());

        await Row(page, Admin).GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete for good" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("the desk's only admin");
        Assert.Equal("admin", (await PersonAsync(site, Admin)).GetProperty("role").GetString());
    }

    [Fact]
    public async Task Creating_a_person_whose_email_is_taken_shows_the_apis_409()
    {
        await using var site = DeskSite.Start(chromium, accountsRequired: true);
        await TestAccounts.CreateUserAsync(site.Host.Services, "kim@example.com", "agent");
        var page = await site.SignInAsync(Admin, "admin");
        await page.GotoAsync(site.Origin + "/admin/users");

        await page.GetByLabel("Email", new() { Exact = true }).FillAsync("KIM@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create person" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("A person with the email 'KIM@example.com' already exists.");
        Assert.True(await page.Locator("#one-time-password").IsHiddenAsync());
    }

    [Fact]
    public async Task A_role_the_api_does_not_know_is_shown_as_its_422_naming_the_allowed_roles()
    {
        await using var site = DeskSite.Start(chromium, accountsRequired: true);
        await TestAccounts.CreateUserAsync(site.Host.Services, "kim@example.com", "agent");
        var page = await site.SignInAsync(Admin, "admin");
        await page.GotoAsync(site.Origin + "/admin/users");
        // A stale or tampered page: the select offers a role the API refuses.
        await page.EvaluateAsync("""document.getElementById('new-role').add(new Option('boss', 'boss', true, true))""");

        await page.GetByLabel("Email", new() { Exact = true }).FillAsync("lee@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create person" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Invalid role 'boss'. Allowed values are: requester, agent, admin.");
    }

    [Fact]
    public async Task The_page_shows_how_the_desk_is_set_up_without_secrets()
    {
        // The tests' accounts switch replaces the settings AUTH_ALLOW_REGISTRATION would set, so registration is turned off there.
        await using var site = DeskSite.Start(chromium,
            services: s => s.AddSingleton(new AccountSettings { Mode = AuthMode.Required, AllowRegistration = false }),
            environment: new() { ["SMTP_HOST"] = "mail.example.com", ["SMTP_FROM"] = "help@example.com", ["SMTP_SECURITY"] = "starttls", ["SMTP_USERNAME"] = "desk", ["SMTP_PASSWORD"] = "hunter2-secret" });
        var page = await site.SignInAsync(Admin, "admin");

        await page.GotoAsync(site.Origin + "/admin/users");
        var setup = await page.GetByRole(AriaRole.Region, new() { Name = "How this desk is set up" }).InnerTextAsync();

        Assert.Contains("Required: everyone signs in", setup, StringComparison.Ordinal);
        Assert.Contains("Off: only admins make people", setup, StringComparison.Ordinal);
        Assert.Contains("Sent through mail.example.com", setup, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-secret", await page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_shows_each_inbound_channels_last_poll_and_error_as_health_does()
    {
        await using var site = DeskSite.Start(chromium, accountsRequired: true);
        var page = await site.SignInAsync(Admin, "admin");
        await page.GotoAsync(site.Origin + "/admin/users");
        Assert.Contains("No mailbox or Freshdesk account is polled", await page.GetByRole(AriaRole.Region, new() { Name = "Inbound channels" }).InnerTextAsync(), StringComparison.Ordinal);

        var board = site.Host.Services.GetRequiredService<TicketApi.Channels.ChannelStatusBoard>();
        board.Register("freshdesk");
        board.ReportSuccess("mailbox", 3);
        board.ReportFailure("mailbox", "IMAP login refused: [AUTHENTICATIONFAILED]");
        await page.ReloadAsync();

        var channels = page.GetByRole(AriaRole.Region, new() { Name = "Inbound channels" });
        var mailbox = channels.GetByRole(AriaRole.Row, new() { Name = "mailbox" });
        await Assertions.Expect(mailbox).ToContainTextAsync("failing");
        await Assertions.Expect(mailbox).ToContainTextAsync("IMAP login refused: [AUTHENTICATIONFAILED]");
        await Assertions.Expect(mailbox.GetByRole(AriaRole.Cell).Nth(3)).ToHaveTextAsync("3");
        await Assertions.Expect(channels.GetByRole(AriaRole.Row, new() { Name = "freshdesk" })).ToContainTextAsync("not yet");
    }

    [Theory]
    [InlineData("agent")]
    [InlineData("requester")]
    public async Task Anyone_but_an_admin_opening_the_admin_pages_is_sent_to_forbidden(string role)
    {
        await using var site = DeskSite.Start(chromium, accountsRequired: true);
        var page = await site.SignInAsync("sam@example.com", role);

        foreach (var path in new[] { "/admin/users", "/admin/keys" })
        {
            var response = await page.GotoAsync(site.Origin + path);
            Assert.EndsWith("/forbidden", page.Url, StringComparison.Ordinal);
            Assert.Equal((int)HttpStatusCode.Forbidden, response!.Status);
        }
    }

    [Fact]
    public async Task The_page_has_no_serious_accessibility_violations_at_desktop_or_phone_width()
    {
        await using var site = DeskSite.Start(chromium, accountsRequired: true);
        await TestAccounts.CreateUserAsync(site.Host.Services, "kim@example.com", "agent");
        foreach (var viewport in new[] { null, DeskSite.Phone })
        {
            var page = await site.SignInAsync($"admin-{viewport?.Width ?? 0}@example.com", "admin", viewport);
            await page.GotoAsync(site.Origin + "/admin/users");
            await page.GetByLabel("Email", new() { Exact = true }).FillAsync($"new-{viewport?.Width ?? 0}@example.com");
            await page.GetByRole(AriaRole.Button, new() { Name = "Create person" }).ClickAsync();
            await Assertions.Expect(page.Locator("#one-time-password")).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolationsAsync(page);

            await Row(page, "kim@example.com").GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolationsAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        }
    }
}
