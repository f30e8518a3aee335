using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AgentTickets.Testing;
using BrowserSupport;
using Microsoft.Playwright;

namespace AgentHost.Tests.Desk;

/// <summary>
/// <c>/admin/keys</c> in a real Chromium (docs/desk.md, "Admin"): the admin's own keys, a new key's secret shown
/// once (and never after a reload), revoking with a confirmation step (checked over REST), the API's refusals in an
/// alert, and axe at desktop and phone width.
/// </summary>
public sealed class AdminKeysTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const string Admin = "ada@example.com";

    private static ILocator Row(IPage page, string name) =>
        page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row).Filter(new() { HasText = name });

    /// <summary>A REST client signed in as the page's admin (made already by <see cref="DeskSite.SignInAsync"/>).</summary>
    private static async Task<HttpClient> SameAdminAsync(DeskSite site)
    {
        var client = site.Host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TestAccounts.LoginAsync(client, Admin));
        return client;
    }

    private static async Task<HttpStatusCode> MeWithKeyAsync(DeskSite site, string key)
    {
        using var client = site.Host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await client.GetAsync(new Uri("/api/account/me", UriKind.Relative));
        return response.StatusCode;
    }

    private static async Task<string> IssueOnPageAsync(IPage page, string name, string scope)
    {
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("Scope").SelectOptionAsync(scope);
        await page.GetByRole(AriaRole.Button, new() { Name = "Issue key" }).ClickAsync();
        var secret = page.GetByLabel("The key");
        await Assertions.Expect(secret).ToBeVisibleAsync();
        return await secret.InputValueAsync();
    }

    [Fact]
    public async Task The_page_lists_the_admins_own_keys_with_scope_and_last_use_and_nobody_elses()
    {
        await using var site = DeskSite.Start(chromium, accountsRequired: true);
        var page = await site.SignInAsync(Admin, "admin");
        using var admin = await SameAdminAsync(site);
        using (var issued = await admin.PostAsJsonAsync("/api/keys", new { name = "ci-bot", scopes = new[] { "read" } }))
        {
            var key = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
            Assert.Equal(HttpStatusCode.OK, await MeWithKeyAsync(site, key));
        }
        using var other = await site.ClientAsAsync("eve@example.com", "admin");
        using var evesKey = await other.PostAsJsonAsync("/api/keys", new { name = "eves-key", scopes = new[] { "write" } });
        Assert.Equal(HttpStatusCode.Created, evesKey.StatusCode);

        await page.GotoAsync(site.Origin + "/admin/keys");
        var cells = await Row(page, "ci-bot").Locator("th, td").AllInnerTextsAsync();

        Assert.Equal("ci-bot", cells[0]);
        Assert.Equal("read", cells[2]);
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d UTC$", cells[3]);
        Assert.NotEqual("never", cells[4]);
        Assert.Equal(0, await Row(page, "eves-key").CountAsync());
    }

    [Fact]
    public async Task Issuing_a_key_shows_its_secret_once_with_a_copy_button_and_never_again_after_a_reload()
    {
        await using var site = DeskSite.Start(chromium, accountsRequired: true);
        var page = await site.SignInAsync(Admin, "admin");
        await page.GotoAsync(site.Origin + "/admin/keys");
        Assert.Equal("You have no keys yet.", await page.GetByText("You have no keys yet.").InnerTextAsync());

        var secret = await IssueOnPageAsync(page, "deploy script", "write");

        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Copy" })).ToBeVisibleAsync();
        Assert.Equal("write", await Row(page, "deploy script").Locator("td").Nth(1).InnerTextAsync());
        Assert.Equal(HttpStatusCode.OK, await MeWithKeyAsync(site, secret));
        using var admin = await SameAdminAsync(site);
        var listed = Assert.Single((await admin.GetFromJsonAsync<JsonElement>("/api/keys")).EnumerateArray(), k => k.GetProperty("name").GetString() == "deploy script");
        Assert.Equal(["write"], listed.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));

        await page.ReloadAsync();
        Assert.Equal(1, await Row(page, "deploy script").CountAsync());
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);
        Assert.True(await page.GetByLabel("The key").IsHiddenAsync());
    }

    [Fact]
    public async Task The_copy_button_puts_the_key_on_the_clipboard_and_says_so()
    {
        await using var site = DeskSite.Start(chromium, accountsRequired: true);
        var page = await site.SignInAsync(Admin, "admin");
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = site.Origin });
        await page.GotoAsync(site.Origin + "/admin/keys");
        var secret = await IssueOnPageAsync(page, "cli", "read");

        await page.GetByRole(AriaRole.Button, new() { Name = "Copy" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The key was copied.");
        Assert.Equal(secret, await page.EvaluateAsync<string>("navigator.clipboard.readText()"));
    }

    [Fact]
    public async Task Revoking_asks_first_so_cancel_keeps_the_key_and_confirming_stops_it_working()
    {
        await using var site = DeskSite.Start(chromium, accountsRequired: true);
        var page = await site.SignInAsync(Admin, "admin");
        await page.GotoAsync(site.Origin + "/admin/keys");
        var secret = await IssueOnPageAsync(page, "old laptop", "read");
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Revoke old laptop?" });

        await Row(page, "old laptop").GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        Assert.Equal(HttpStatusCode.OK, await MeWithKeyAsync(site, secret));

        await Row(page, "old laptop").GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Revoke for good" }).ClickAsync();

        await Assertions.Expect(Row(page, "old laptop").Locator("[data-field=state]")).ToHaveTextAsync("Revoked just now");
        Assert.Equal(HttpStatusCode.Unauthorized, await MeWithKeyAsync(site, secret));
        using var admin = await SameAdminAsync(site);
        var listed = Assert.Single((await admin.GetFromJsonAsync<JsonElement>("/api/keys")).EnumerateArray());
        Assert.True(listed.GetProperty("revoked").GetBoolean());
        await page.ReloadAsync();
        Assert.StartsWith("Revoked ", await Row(page, "old laptop").Locator("[data-field=state]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await Row(page, "old laptop").GetByRole(AriaRole.Button).CountAsync());
    }

    [Fact]
    public async Task A_key_without_a_name_is_refused_with_the_apis_422_in_an_alert_and_nothing_is_issued()
    {
        await using var site = DeskSite.Start(chromium, accountsRequired: true);
        var page = await site.SignInAsync(Admin, "admin");
        await page.GotoAsync(site.Origin + "/admin/keys");

        await page.GetByRole(AriaRole.Button, new() { Name = "Issue key" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("name: Give the key a name of 1-100 characters.");
        Assert.True(await page.GetByLabel("The key").IsHiddenAsync());
        using var admin = await SameAdminAsync(site);
        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>("/api/keys")).GetArrayLength());
    }

    [Fact]
    public async Task A_scope_beyond_the_persons_reach_is_refused_with_the_apis_422_in_an_alert()
    {
        await using var site = DeskSite.Start(chromium, accountsRequired: true);
        var page = await site.SignInAsync(Admin, "admin");
        await page.GotoAsync(site.Origin + "/admin/keys");
        await IssueOnPageAsync(page, "to revoke", "read");
        // Meanwhile another admin demotes this one: the page still offers 'admin', and the API refuses it.
        using var other = await site.ClientAsAsync("eve@example.com", "admin");
        var users = await other.GetFromJsonAsync<JsonElement>($"/api/users/?search={Admin}");
        var id = users.GetProperty("results")[0].GetProperty("id").GetString();
        using (var demoted = await other.PutAsJsonAsync($"/api/users/{id}/role", new { role = "requester" }))
        {
            Assert.Equal(HttpStatusCode.OK, demoted.StatusCode);
        }

        await page.GetByLabel("Name").FillAsync("admin key");
        await page.GetByLabel("Scope").SelectOptionAsync("admin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Issue key" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Scope 'admin' reaches beyond yours");
    }

    [Fact]
    public async Task The_page_has_no_serious_accessibility_violations_at_desktop_or_phone_width()
    {
        await using var site = DeskSite.Start(chromium, accountsRequired: true);
        foreach (var viewport in new[] { null, DeskSite.Phone })
        {
            var page = await site.SignInAsync($"admin-{viewport?.Width ?? 0}@example.com", "admin", viewport);
            await page.GotoAsync(site.Origin + "/admin/keys");
            await Accessibility.AssertNoSeriousViolationsAsync(page);
            await IssueOnPageAsync(page, "ci-bot", "read");
            await Accessibility.AssertNoSeriousViolationsAsync(page);

            await Row(page, "ci-bot").GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolationsAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        }
    }
}
