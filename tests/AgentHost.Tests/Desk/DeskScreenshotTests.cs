using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrowserSupport;
using Microsoft.Playwright;

namespace AgentHost.Tests.Desk;

/// <summary>
/// Every desk page, as each role sees it, at desktop and phone width, with data on it: each must answer 200 with no
/// script error, and is saved as a PNG so a person can look at them all (<c>bash tests/screenshots.sh</c> keeps them
/// in <c>artifacts/screenshots</c>; a plain test run writes them to a temporary folder it removes).
/// </summary>
public sealed class DeskScreenshotTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    /// <summary>Where <c>tests/screenshots.sh</c> asks for the pictures to be kept.</summary>
    public const string FolderVariable = "DESK_SCREENSHOTS";

    [Fact]
    public async Task Every_page_renders_for_its_role_at_desktop_and_phone_width_without_script_errors()
    {
        await using var site = DeskSite.Start(chromium, accountsRequired: true);
        var keep = Environment.GetEnvironmentVariable(FolderVariable);
        var folder = string.IsNullOrWhiteSpace(keep) ? Directory.CreateTempSubdirectory("desk-screens-").FullName : keep;
        Directory.CreateDirectory(folder);
        try
        {
            var (ticketId, articleId) = await ArrangeAsync(site);
            string[] agentPages = ["/queue", $"/tickets/{ticketId}", "/kb", $"/kb/{articleId}", "/analytics"];
            string[] adminPages = ["/admin/users", "/admin/keys"];
            var errors = new List<string>();
            foreach (var (name, viewport) in new[] { ("desktop", (ViewportSize?)null), ("phone", DeskSite.Phone) })
            {
                var anonymous = await site.NewPageAsync(viewport);
                await ShootAsync(anonymous, site.Origin + "/signin", folder, name, errors);
                await ShootAsync(anonymous, site.Origin + "/register", folder, name, errors);
                var email = $"dana-{name}@example.com";
                var requester = await site.SignInAsync(email, "requester", viewport);
                var (open, resolved) = await RequesterTicketsAsync(site, email);
                foreach (var path in new[] { "/help", "/my", $"/my/{open}", $"/my/{resolved}" })
                {
                    await ShootAsync(requester, site.Origin + path, folder, name, errors);
                }
                await ShootAsync(requester, site.Origin + "/forbidden", folder, name, errors, expected: 403);
                var agent = await site.SignInAsync($"sam-{name}@example.com", "agent", viewport);
                foreach (var path in agentPages)
                {
                    await ShootAsync(agent, site.Origin + path, folder, name, errors);
                }
                var admin = await site.SignInAsync($"ada-{name}@example.com", "admin", viewport);
                foreach (var path in adminPages)
                {
                    await ShootAsync(admin, site.Origin + path, folder, name, errors);
                }
            }
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }
        finally
        {
            if (string.IsNullOrWhiteSpace(keep))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static async Task ShootAsync(IPage page, string url, string folder, string viewport, List<string> errors, int expected = 200)
    {
        var scriptErrors = new List<string>();
        void OnError(object? sender, string message) => scriptErrors.Add(message);
        page.PageError += OnError;
        // Waited for inside Goto, not with a WaitForLoadStateAsync after it, whose look-then-subscribe can miss the
        // event (tests/BrowserSupport/PageAddress.cs).
        var response = await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.NetworkIdle });
        page.PageError -= OnError;
        var path = new Uri(url).AbsolutePath.Trim('/').Replace('/', '-');
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{(path.Length == 0 ? "home" : path)}-{viewport}.png"), FullPage = true });
        if (response?.Status != expected)
        {
            errors.Add($"{url} ({viewport}) answered {response?.Status}, not {expected}");
        }
        errors.AddRange(scriptErrors.Select(e => $"{url} ({viewport}) script error: {e}"));
    }

    /// <summary>Two tickets of the requester's own, filed for them by staff: one open with a reply and a note, one resolved.</summary>
    private static async Task<(long Open, long Resolved)> RequesterTicketsAsync(DeskSite site, string email)
    {
        using var staff = await site.ClientAsAsync($"filer-{Guid.NewGuid():N}@example.com", "agent");
        var open = await FileAsync(staff, "My laptop will not join the Wi-Fi", "Since this morning the laptop says it cannot connect to eduroam.", email);
        (await staff.PostAsJsonAsync($"/api/tickets/{open}/messages/", new { kind = "reply", body = "Could you forget the network and join it again?" })).EnsureSuccessStatusCode();
        (await staff.PostAsJsonAsync($"/api/tickets/{open}/messages/", new { kind = "note", body = "Internal: AP 3 on floor 2 was restarted." })).EnsureSuccessStatusCode();
        var resolved = await FileAsync(staff, "Cannot open the VPN client", "The VPN client crashes at start.", email);
        (await staff.PatchAsJsonAsync($"/api/tickets/{resolved}/", new { resolution_status = "RESOLVED" })).EnsureSuccessStatusCode();
        return (open, resolved);
    }

    /// <summary>A queue worth looking at: tickets of several priorities and categories, one with a note and a draft.</summary>
    private static async Task<(long Ticket, long Article)> ArrangeAsync(DeskSite site)
    {
        using var admin = await site.ClientAsAsync("lead@example.com", "admin");
        var ticket = await FileAsync(admin, "Outlook keeps asking for my password", "Since the update Outlook prompts for the password every few minutes.", "dana@example.com");
        await FileAsync(admin, "Whole floor lost network", "Nobody on the third floor can reach anything, urgent, we have exams.", "lee@example.com");
        await FileAsync(admin, "Invoice shows the wrong amount", "We were billed twice for October.", "kim@example.com");
        await FileAsync(admin, "Printer in room 204 jams", "The printer jams on every second page.", "ola@example.com");
        (await admin.PostAsJsonAsync($"/api/tickets/{ticket}/messages/", new { kind = "note", body = "Check the conditional access policy." })).EnsureSuccessStatusCode();
        (await admin.PostAsync($"/api/tickets/{ticket}/draft", JsonContent.Create(new { }))).EnsureSuccessStatusCode();
        var articles = JsonNode.Parse(await admin.GetStringAsync("/api/articles/?page_size=1"))!["results"]!.AsArray();
        return (ticket, (long)articles[0]!["id"]!);
    }

    private static async Task<long> FileAsync(HttpClient client, string title, string description, string requesterEmail)
    {
        using var response = await client.PostAsJsonAsync("/api/tickets/", new { title, description, requester_email = requesterEmail });
        response.EnsureSuccessStatusCode();
        return (long)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!;
    }
}
