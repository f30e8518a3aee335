using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static AgentHost.Tests.Desk.QueueTests;
using static Microsoft.Playwright.Assertions;

namespace AgentHost.Tests.Desk;

/// <summary>The ticket view's thread, history and the API's problems shown in an alert (docs/desk.md, "Agent queue and ticket view").</summary>
public sealed partial class TicketViewTests
{
    [Fact]
    public async Task The_threads_customer_reply_and_note_are_told_apart_in_words_and_a_note_can_be_added()
    {
        await using var site = DeskSite.Start(chromium);
        using var api = site.Host.CreateClient();
        var id = await CreateAsync(api, "Wi-Fi slow", priority: "NORMAL");
        foreach (var (kind, body) in new[] { ("customer", "It is still slow."), ("reply", "We moved you to another access point."), ("note", "Access point 3 is overloaded.") })
        {
            using var posted = await api.PostAsJsonAsync($"/api/tickets/{id}/messages/", new { kind, body });
            posted.EnsureSuccessStatusCode();
        }
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.Origin + $"/tickets/{id}");
        var thread = page.GetByRole(AriaRole.Region, new() { Name = "Conversation" });

        await Expect(thread.GetByRole(AriaRole.Article, new() { Name = "Customer message" })).ToContainTextAsync("It is still slow.");
        await Expect(thread.GetByRole(AriaRole.Article, new() { Name = "Public reply" })).ToContainTextAsync("We moved you");
        await Expect(thread.GetByRole(AriaRole.Article, new() { Name = "Internal note" })).ToContainTextAsync("Access point 3");

        await page.GetByLabel("Add to the conversation").FillAsync("Replaced the access point.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();

        await Expect(thread.GetByRole(AriaRole.Article, new() { Name = "Internal note" })).ToHaveCountAsync(2);
        var messages = JsonNode.Parse(await api.GetStringAsync(new Uri($"/api/tickets/{id}/messages/", UriKind.Relative)))!["results"]!.AsArray();
        var added = messages[^1]!;
        Assert.Equal(("note", "Replaced the access point."), ((string?)added["kind"], (string?)added["body"]));
    }

    [Fact]
    public async Task A_blank_message_shows_the_apis_problem_in_an_alert()
    {
        await using var site = DeskSite.Start(chromium);
        using var api = site.Host.CreateClient();
        var id = await CreateAsync(api, "Toner empty", priority: "LOW");
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.Origin + $"/tickets/{id}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Post reply" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("This field may not be blank.");
        var messages = JsonNode.Parse(await api.GetStringAsync(new Uri($"/api/tickets/{id}/messages/", UriKind.Relative)))!;
        Assert.Equal(0, (int)messages["count"]!);
    }

    [Fact]
    public async Task An_action_on_a_ticket_deleted_meanwhile_shows_the_apis_404_in_an_alert()
    {
        await using var site = DeskSite.Start(chromium);
        using var api = site.Host.CreateClient();
        var id = await CreateAsync(api, "Gone soon", priority: "LOW");
        var page = await site.NewPageAsync();
        // Without the live stream (it would say the ticket is gone first: TicketViewLiveTests), the action meets the 404.
        await WithoutLiveUpdatesAsync(page);
        await page.GotoAsync(site.Origin + $"/tickets/{id}");
        using (var deleted = await api.DeleteAsync(new Uri($"/api/tickets/{id}/", UriKind.Relative)))
        {
            deleted.EnsureSuccessStatusCode();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Assign to me" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync($"Ticket with id '{id}' was not found.");
    }

    [Fact]
    public async Task The_history_lists_the_changes_made_on_the_page_and_elsewhere()
    {
        await using var site = DeskSite.Start(chromium);
        using var api = site.Host.CreateClient();
        var id = await CreateAsync(api, "Phone will not sync", new string('x', 500), priority: "NORMAL");
        await PatchAsync(api, id, new { title = "Phone will not sync mail" });
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.Origin + $"/tickets/{id}");

        await page.GetByRole(AriaRole.Group, new() { Name = "Set priority" }).GetByRole(AriaRole.Button, new() { Name = "HIGH" }).ClickAsync();

        var history = page.GetByRole(AriaRole.Region, new() { Name = "History" });
        await Expect(history).ToContainTextAsync("priority: NORMAL → HIGH");
        var rows = await history.Locator("tbody tr").AllInnerTextsAsync();
        Assert.Contains("created", rows[0], StringComparison.Ordinal);
        // A long value is shown by its start, so one change cannot bury the rest.
        Assert.Contains("description: none → " + new string('x', 120) + "…", rows[0], StringComparison.Ordinal);
        Assert.DoesNotContain(new string('x', 121), rows[0], StringComparison.Ordinal);
        var renamed = Assert.Single(rows, row => row.Contains("title: Phone will not sync → Phone will not sync mail", StringComparison.Ordinal));
        var overridden = Assert.Single(rows, row => row.Contains("priority: NORMAL → HIGH", StringComparison.Ordinal));
        Assert.Contains("via rest", renamed, StringComparison.Ordinal);
        Assert.Contains("via web", overridden, StringComparison.Ordinal);
        Assert.True(rows.ToList().IndexOf(renamed) < rows.ToList().IndexOf(overridden), "The history is oldest first.");
    }

    [Fact]
    public async Task A_missing_ticket_is_a_404()
    {
        await using var site = DeskSite.Start(chromium);
        var page = await site.NewPageAsync();

        var response = await page.GotoAsync(site.Origin + "/tickets/999");

        Assert.Equal((int)HttpStatusCode.NotFound, response!.Status);
    }
}
