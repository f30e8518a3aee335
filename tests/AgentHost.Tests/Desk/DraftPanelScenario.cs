using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrowserSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TicketApi.Drafts;

namespace AgentHost.Tests.Desk;

/// <summary>
/// The draft panel's tests' common ground (docs/desk.md, "Draft panel and knowledge base"): a desk with accounts
/// required, an agent signed in to the browser, an admin's REST client to arrange and check data, and the panel as
/// the region the ticket view renders it in (scoped, so the ticket view's own buttons never answer for it).
/// </summary>
internal sealed class DraftPanelScenario : IAsyncDisposable
{
    private static int _agents;

    private DraftPanelScenario(DeskSite site, HttpClient api)
    {
        Site = site;
        Api = api;
    }

    public DeskSite Site { get; }

    /// <summary>An admin's REST client.</summary>
    public HttpClient Api { get; }

    /// <summary>The desk with the host's own offline draft writer, or <paramref name="writer"/> in its place.</summary>
    public static async Task<DraftPanelScenario> StartAsync(ChromiumFixture chromium, IDraftWriter? writer = null)
    {
        var site = DeskSite.Start(chromium, accountsRequired: true, services: services =>
        {
            if (writer is not null)
            {
                services.AddSingleton(writer);
            }
        });
        return new DraftPanelScenario(site, await site.ClientAsAsync("ada@example.com", "admin"));
    }

    /// <summary>Files a ticket over REST and returns its id.</summary>
    public async Task<long> FileAsync(string title, string description = "", string? requesterEmail = "dana@example.com")
    {
        using var response = await Api.PostAsJsonAsync("/api/tickets/", new { title, description, requester_email = requesterEmail });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (long)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!;
    }

    /// <summary>Asks the API for a fresh draft, as another agent (or a tool) would.</summary>
    public async Task<JsonNode> DraftOverRestAsync(long ticketId)
    {
        using var response = await Api.PostAsJsonAsync($"/api/tickets/{ticketId}/draft", new { });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>The current draft over REST, or null when the ticket has none (404).</summary>
    public async Task<JsonNode?> CurrentDraftAsync(long ticketId)
    {
        using var response = await Api.GetAsync(new Uri($"/api/tickets/{ticketId}/draft", UriKind.Relative));
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync());
    }

    public async Task<JsonNode> GetAsync(string path)
    {
        using var response = await Api.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    public async Task SetStatusAsync(long ticketId, string status)
    {
        using var response = await Api.PatchAsJsonAsync($"/api/tickets/{ticketId}/", new { resolution_status = status });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>An agent's browser on the ticket's page, and the draft panel in it.</summary>
    /// <param name="live">false cuts the page off /api/events, so a change made meanwhile reaches it only as the API's refusal.</param>
    public async Task<(IPage Page, ILocator Panel)> OpenTicketAsync(long ticketId, ViewportSize? viewport = null, bool live = true)
    {
        var page = await Site.SignInAsync($"sam{Interlocked.Increment(ref _agents).ToString(CultureInfo.InvariantCulture)}@example.com", "agent", viewport);
        if (!live)
        {
            await TicketViewTests.WithoutLiveUpdatesAsync(page);
        }
        await page.GotoAsync(Site.Origin + $"/tickets/{ticketId}");
        return (page, page.GetByRole(AriaRole.Region, new() { Name = "Draft reply" }));
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await Site.DisposeAsync();
    }
}
