using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AgentTickets.Testing;
using BrowserSupport;
using Microsoft.Playwright;

namespace AgentHost.Tests.Desk;

/// <summary>What the requester portal's tests share: the signed-in person's own REST client, tickets arranged over REST, and a JavaScript-off view.</summary>
internal static class PortalSite
{
    /// <summary>A REST client for a person already made (by <see cref="DeskSite.SignInAsync"/>), with their own bearer token.</summary>
    public static async Task<HttpClient> ClientOfAsync(DeskSite site, string email)
    {
        var client = site.Host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TestAccounts.LoginAsync(client, email));
        return client;
    }

    public static async Task<JsonObject> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public static async Task<long> FileAsync(HttpClient client, string title, string? requesterEmail = null, string description = "")
    {
        using var response = await client.PostAsJsonAsync("/api/tickets/", requesterEmail is null
            ? new { title, description }
            : (object)new { title, description, requester_email = requesterEmail });
        return (long)(await JsonAsync(response))["id"]!;
    }

    public static async Task<JsonObject> AddMessageAsync(HttpClient client, long id, string kind, string body)
    {
        using var response = await client.PostAsJsonAsync($"/api/tickets/{id}/messages/", new { kind, body });
        return await JsonAsync(response);
    }

    public static async Task MoveAsync(HttpClient staff, long id, string status)
    {
        using var response = await staff.PatchAsJsonAsync($"/api/tickets/{id}/", new { resolution_status = status });
        await JsonAsync(response);
    }

    /// <summary>
    /// A page in a browser context with JavaScript off, carrying the cookies of <paramref name="signedIn"/>'s context:
    /// what a person without scripts is sent. The caller disposes the context.
    /// </summary>
    public static async Task<(IBrowserContext Context, IPage Page)> WithoutJavaScriptAsync(ChromiumFixture chromium, IPage signedIn)
    {
        var state = await signedIn.Context.StorageStateAsync();
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, StorageState = state });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        return (context, page);
    }
}
