using BrowserSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgentHost.Tests.Desk;

/// <summary>
/// Approving from the draft panel (docs/desk.md, "Draft panel and knowledge base"; docs/drafts.md, "Sending"): only
/// the person's click sends; the reply joins the thread, the mail is staged, the ticket view is told, and refusals
/// (a closed ticket, a draft gone meanwhile) are shown as the API words them.
/// </summary>
public sealed class DraftPanelSendTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task Send_adds_the_reply_to_the_thread_and_stages_the_mail_only_when_the_person_clicks_it()
    {
        await using var scenario = await DraftPanelScenario.StartAsync(chromium);
        var id = await scenario.FileAsync("VPN drops", "My VPN keeps dropping every few minutes when I work from home.");
        var (page, panel) = await scenario.OpenTicketAsync(id);
        await page.EvaluateAsync("() => { window.threadChanges = []; document.addEventListener('desk:thread-changed', e => window.threadChanges.push(e.detail)); }");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Generate draft" }).ClickAsync();
        await Expect(panel.GetByText("Version 1, written offline.")).ToBeVisibleAsync();
        var draft = (await scenario.CurrentDraftAsync(id))!;
        // Written, shown, not approved: nothing is in the thread or the outbox yet.
        Assert.Equal(0, (long)(await scenario.GetAsync($"/api/outbox/?ticket_id={id}"))["count"]!);

        await panel.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();

        await Expect(panel.GetByRole(AriaRole.Status).GetByText("Sent.")).ToBeVisibleAsync();
        await Expect(panel.GetByRole(AriaRole.Button, new() { Name = "Generate draft" })).ToBeVisibleAsync();
        var thread = (await scenario.GetAsync($"/api/tickets/{id}/messages/"))["results"]!.AsArray();
        Assert.Contains(thread, m => (string)m!["kind"]! == "reply" && (string)m["body"]! == (string)draft["reply"]!);
        var mail = (await scenario.GetAsync($"/api/outbox/?ticket_id={id}"))["results"]!.AsArray();
        var staged = Assert.Single(mail);
        Assert.Equal("dana@example.com", (string)staged!["to"]!);
        Assert.Null(await scenario.CurrentDraftAsync(id));
        Assert.Equal("OPEN", (string)(await scenario.GetAsync($"/api/tickets/{id}/"))["resolution_status"]!);
        var told = await page.EvaluateAsync<long[]>("() => window.threadChanges.map(d => d.ticketId)");
        Assert.Equal([id], told);
    }

    [Fact]
    public async Task Send_and_resolve_sends_the_reply_and_resolves_the_ticket()
    {
        await using var scenario = await DraftPanelScenario.StartAsync(chromium);
        var id = await scenario.FileAsync("VPN drops");
        await scenario.DraftOverRestAsync(id);
        var (_, panel) = await scenario.OpenTicketAsync(id);

        await panel.GetByRole(AriaRole.Button, new() { Name = "Send and resolve" }).ClickAsync();

        await Expect(panel.GetByText("Sent, and the ticket is resolved.")).ToBeVisibleAsync();
        Assert.Equal("RESOLVED", (string)(await scenario.GetAsync($"/api/tickets/{id}/"))["resolution_status"]!);
        var kinds = (await scenario.GetAsync($"/api/outbox/?ticket_id={id}"))["results"]!.AsArray().Select(m => (string)m!["kind"]!);
        Assert.Equal(["reply", "resolved"], kinds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Sending_on_a_closed_ticket_shows_the_409_detail_and_keeps_the_draft()
    {
        await using var scenario = await DraftPanelScenario.StartAsync(chromium);
        var id = await scenario.FileAsync("VPN drops");
        await scenario.DraftOverRestAsync(id);
        await scenario.SetStatusAsync(id, "RESOLVED");
        await scenario.SetStatusAsync(id, "CLOSED");
        var (_, panel) = await scenario.OpenTicketAsync(id);

        await panel.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();

        await Expect(panel.GetByRole(AriaRole.Alert)).ToHaveTextAsync($"Ticket {id} is closed; a draft cannot be sent on it.");
        Assert.NotNull(await scenario.CurrentDraftAsync(id));
        await Expect(panel.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true })).ToBeEnabledAsync();
    }

    [Fact]
    public async Task Sending_a_draft_someone_changed_meanwhile_is_refused_so_nobody_approves_text_they_did_not_see()
    {
        await using var scenario = await DraftPanelScenario.StartAsync(chromium);
        var id = await scenario.FileAsync("VPN drops");
        await scenario.DraftOverRestAsync(id);
        // Live, the panel would already show the newer draft (DraftPanelLiveTests); the server must refuse regardless.
        var (_, panel) = await scenario.OpenTicketAsync(id, live: false);
        await scenario.DraftOverRestAsync(id);

        await panel.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();

        await Expect(panel.GetByRole(AriaRole.Alert)).ToContainTextAsync("has changed since you read it");
        Assert.Equal(0, (long)(await scenario.GetAsync($"/api/outbox/?ticket_id={id}"))["count"]!);
    }
}
