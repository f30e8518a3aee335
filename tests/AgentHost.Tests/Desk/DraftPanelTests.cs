using AgentHost.Desk.Drafts;
using AgentTickets.Testing;
using BrowserSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgentHost.Tests.Desk;

/// <summary>
/// The draft panel of the ticket view (docs/desk.md, "Draft panel and knowledge base"; the API is docs/drafts.md) in a
/// real Chromium: what it shows, generating with the reply streamed in, refining, the tech instructions and errors.
/// Editing and sending: <see cref="DraftPanelEditTests"/>, <see cref="DraftPanelSendTests"/>.
/// </summary>
public sealed class DraftPanelTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const string VpnTitle = "VPN drops";

    [Fact]
    public async Task Generating_streams_the_reply_into_the_panel_piece_by_piece_before_the_stored_draft_arrives()
    {
        var writer = new ScriptedDraftWriter { HoldAfterFirstPiece = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        await using var scenario = await DraftPanelScenario.StartAsync(chromium, writer);
        var id = await scenario.FileAsync(VpnTitle);
        var (page, panel) = await scenario.OpenTicketAsync(id);
        await Expect(panel.GetByText("No draft yet.")).ToBeVisibleAsync();
        // Every text the reply element is given, in order: each token frame replaces its text node once (frames that
        // arrive together are batched into one observer call, so the records, not the element, are read).
        await page.EvaluateAsync("""
            () => {
              window.replyTexts = [];
              new MutationObserver(records => records.forEach(r => r.addedNodes.forEach(n => window.replyTexts.push(n.textContent))))
                .observe(document.getElementById('draft-reply'), { childList: true });
            }
            """);

        await panel.GetByRole(AriaRole.Button, new() { Name = "Generate draft" }).ClickAsync();

        // The writer holds after its first piece: the page already shows it, and nothing is stored yet.
        await Expect(panel.GetByText("Writing a draft\u2026")).ToBeVisibleAsync();
        await Expect(panel.Locator("#draft-reply")).ToHaveTextAsync("Hi Dana,");
        Assert.Null(await scenario.CurrentDraftAsync(id));
        writer.HoldAfterFirstPiece.SetResult();

        await Expect(panel.GetByText("Version 1, written by scripted.")).ToBeVisibleAsync();
        var stored = (await scenario.CurrentDraftAsync(id))!;
        Assert.Equal((string)stored["reply"]!, await panel.Locator("#draft-reply").TextContentAsync());
        var texts = await page.EvaluateAsync<string[]>("() => window.replyTexts");
        var partial = texts.TakeWhile(text => text != (string)stored["reply"]!).Where(text => text.Length > 0).ToList();
        Assert.Equal(["Hi Dana,\n\n", "Hi Dana,\n\nplease restart "], partial);
        await Expect(panel.GetByText(DraftPanelText.Final)).ToBeVisibleAsync();
        await Expect(panel.GetByRole(AriaRole.Link, new() { Name = "VPN drops every few minutes" })).ToHaveAttributeAsync("href", "/kb/4");
    }

    [Fact]
    public async Task A_ticket_with_a_draft_shows_it_rendered_by_the_server_with_its_status_questions_and_sources()
    {
        await using var scenario = await DraftPanelScenario.StartAsync(chromium);
        var id = await scenario.FileAsync(VpnTitle);
        var draft = await scenario.DraftOverRestAsync(id);
        // A terse ticket: the offline writer asks before it settles, and cites the VPN article.
        Assert.Equal("NEEDS_FOLLOW_UP", (string)draft["solution_status"]!);
        Assert.NotEmpty(draft["sources"]!.AsArray());

        var (_, panel) = await scenario.OpenTicketAsync(id);

        Assert.Equal((string)draft["reply"]!, await panel.Locator("#draft-reply").TextContentAsync());
        await Expect(panel.GetByText("Version 1, written offline.")).ToBeVisibleAsync();
        await Expect(panel.GetByText(DraftPanelText.NeedsFollowUp)).ToBeVisibleAsync();
        var questions = panel.GetByRole(AriaRole.List, new() { Name = "Follow-up questions" }).GetByRole(AriaRole.Listitem);
        Assert.Equal(draft["follow_up_questions"]!.AsArray().Select(q => (string)q!), await questions.AllTextContentsAsync());
        var sources = panel.GetByRole(AriaRole.List, new() { Name = "Sources" }).GetByRole(AriaRole.Link);
        Assert.Equal(draft["sources"]!.AsArray().Select(s => $"{(string)s!["title"]!} /kb/{(long)s["id"]!}"),
            await sources.EvaluateAllAsync<string[]>("links => links.map(l => `${l.textContent} ${l.getAttribute('href')}`)"));
        await Expect(panel.Locator("#draft-remark")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Refining_by_a_common_instruction_button_stores_a_new_version_and_shows_it()
    {
        await using var scenario = await DraftPanelScenario.StartAsync(chromium);
        var id = await scenario.FileAsync(VpnTitle, "My VPN keeps dropping every few minutes when I work from home.");
        var first = await scenario.DraftOverRestAsync(id);
        var (_, panel) = await scenario.OpenTicketAsync(id);

        await panel.GetByRole(AriaRole.Button, new() { Name = "Shorter" }).ClickAsync();

        await Expect(panel.GetByText("Version 2, written offline, refined: \u201CMake it shorter\u201D.")).ToBeVisibleAsync();
        var refined = (await scenario.CurrentDraftAsync(id))!;
        Assert.Equal("Make it shorter", (string?)refined["instruction"]);
        Assert.True(((string)refined["reply"]!).Length < ((string)first["reply"]!).Length);
        Assert.Equal((string)refined["reply"]!, await panel.Locator("#draft-reply").TextContentAsync());
    }

    [Fact]
    public async Task Refining_by_free_text_changes_the_draft_and_an_instruction_not_applied_is_said_back_in_the_remark()
    {
        await using var scenario = await DraftPanelScenario.StartAsync(chromium);
        var id = await scenario.FileAsync(VpnTitle, "My VPN keeps dropping every few minutes when I work from home.");
        await scenario.DraftOverRestAsync(id);
        var (_, panel) = await scenario.OpenTicketAsync(id);
        var instruction = panel.GetByLabel("Instruction", new() { Exact = true });

        await instruction.FillAsync("make it more formal");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Refine", Exact = true }).ClickAsync();
        await Expect(panel.GetByText("Version 2, written offline, refined: \u201Cmake it more formal\u201D.")).ToBeVisibleAsync();
        var formal = (await scenario.CurrentDraftAsync(id))!;
        Assert.Contains("Thank you for contacting us.", (string)formal["reply"]!, StringComparison.Ordinal);
        Assert.Equal((string)formal["reply"]!, await panel.Locator("#draft-reply").TextContentAsync());
        await Expect(panel.Locator("#draft-remark")).ToBeHiddenAsync();

        await instruction.FillAsync("translate to French");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Refine", Exact = true }).ClickAsync();
        await Expect(panel.GetByText("Version 3, written offline, refined: \u201Ctranslate to French\u201D.")).ToBeVisibleAsync();
        var remark = (string?)(await scenario.CurrentDraftAsync(id))!["remark"];
        Assert.NotNull(remark);
        await Expect(panel.Locator("#draft-remark")).ToHaveTextAsync("Not applied: " + remark);
    }

    [Fact]
    public async Task The_tech_instructions_stay_behind_a_toggle_that_says_whether_it_is_open()
    {
        await using var scenario = await DraftPanelScenario.StartAsync(chromium);
        var id = await scenario.FileAsync(VpnTitle);
        var draft = await scenario.DraftOverRestAsync(id);
        var (_, panel) = await scenario.OpenTicketAsync(id);
        var toggle = panel.GetByRole(AriaRole.Button, new() { Name = "Tech instructions" });
        var tech = panel.Locator("#draft-tech-text");

        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(tech).ToBeHiddenAsync();
        await toggle.ClickAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(tech).ToBeVisibleAsync();
        Assert.Equal((string)draft["tech_instructions"]!, await tech.TextContentAsync());
        await toggle.ClickAsync();
        await Expect(tech).ToBeHiddenAsync();
    }

    [Fact]
    public async Task A_stream_that_ends_in_an_error_frame_shows_the_problem_and_stores_nothing()
    {
        var writer = new ScriptedDraftWriter { FailAfterFirstPiece = new InvalidOperationException("the model went away") };
        await using var scenario = await DraftPanelScenario.StartAsync(chromium, writer);
        var id = await scenario.FileAsync(VpnTitle);
        var (_, panel) = await scenario.OpenTicketAsync(id);

        await panel.GetByRole(AriaRole.Button, new() { Name = "Generate draft" }).ClickAsync();

        await Expect(panel.GetByRole(AriaRole.Alert)).ToContainTextAsync("the model went away");
        await Expect(panel.GetByRole(AriaRole.Button, new() { Name = "Generate draft" })).ToBeVisibleAsync();
        await Expect(panel.Locator("#draft-reply")).ToBeHiddenAsync();
        Assert.Null(await scenario.CurrentDraftAsync(id));
    }

    [Fact]
    public async Task A_refinement_refused_before_streaming_shows_the_apis_problem_and_keeps_the_draft()
    {
        await using var scenario = await DraftPanelScenario.StartAsync(chromium);
        var id = await scenario.FileAsync(VpnTitle);
        var draft = await scenario.DraftOverRestAsync(id);
        var (_, panel) = await scenario.OpenTicketAsync(id);
        // Someone discards the draft after the page was shown: there is nothing left to refine (409).
        using (var discarded = await scenario.Api.DeleteAsync(new Uri($"/api/tickets/{id}/draft", UriKind.Relative)))
        {
            discarded.EnsureSuccessStatusCode();
        }

        await panel.GetByRole(AriaRole.Button, new() { Name = "Friendlier" }).ClickAsync();

        await Expect(panel.GetByRole(AriaRole.Alert)).ToContainTextAsync($"Ticket {id} has no current draft to refine");
        Assert.Equal((string)draft["reply"]!, await panel.Locator("#draft-reply").TextContentAsync());
    }

    [Fact]
    public async Task The_ticket_page_with_the_panel_has_no_serious_accessibility_violations_at_desktop_or_phone_width()
    {
        await using var scenario = await DraftPanelScenario.StartAsync(chromium);
        var id = await scenario.FileAsync(VpnTitle);
        await scenario.DraftOverRestAsync(id);
        foreach (var viewport in new[] { null, DeskSite.Phone })
        {
            var (page, panel) = await scenario.OpenTicketAsync(id, viewport);
            await panel.GetByRole(AriaRole.Button, new() { Name = "Tech instructions" }).ClickAsync();
            await Accessibility.AssertNoSeriousViolationsAsync(page);
            await panel.GetByRole(AriaRole.Button, new() { Name = "Edit" }).ClickAsync();
            await Accessibility.AssertNoSeriousViolationsAsync(page);
        }
    }
}
