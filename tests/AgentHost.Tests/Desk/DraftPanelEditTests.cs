using System.Net.Http.Json;
using BrowserSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgentHost.Tests.Desk;

/// <summary>
/// A person's edit in the draft panel (docs/desk.md, "Draft panel and knowledge base"): the reply and the tech
/// instructions become text boxes, and Save is a PUT conditional on the version shown (docs/drafts.md, "Routes").
/// </summary>
public sealed class DraftPanelEditTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task Editing_and_saving_stores_a_version_written_by_a_person_and_shows_it()
    {
        await using var scenario = await DraftPanelScenario.StartAsync(chromium);
        var id = await scenario.FileAsync("VPN drops");
        var draft = await scenario.DraftOverRestAsync(id);
        var (_, panel) = await scenario.OpenTicketAsync(id);

        await panel.GetByRole(AriaRole.Button, new() { Name = "Edit" }).ClickAsync();
        var reply = panel.GetByLabel("Reply", new() { Exact = true });
        Assert.Equal((string)draft["reply"]!, await reply.InputValueAsync());
        await reply.FillAsync("Hi Dana,\n\nPlease reinstall the VPN client from the portal.");
        await panel.GetByLabel("Tech instructions", new() { Exact = true }).FillAsync("Fix: reinstall 5.2.");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(panel.GetByText("Version 2, written offline, edited by a person.")).ToBeVisibleAsync();
        var stored = (await scenario.CurrentDraftAsync(id))!;
        Assert.True((bool)stored["edited"]!);
        Assert.Equal("Hi Dana,\n\nPlease reinstall the VPN client from the portal.", (string)stored["reply"]!);
        Assert.Equal("Fix: reinstall 5.2.", (string)stored["tech_instructions"]!);
        Assert.Equal((string)stored["reply"]!, await panel.Locator("#draft-reply").TextContentAsync());
        await Expect(reply).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Saving_an_edit_of_a_draft_that_changed_meanwhile_is_refused_with_a_clear_message_and_the_text_kept()
    {
        await using var scenario = await DraftPanelScenario.StartAsync(chromium);
        var id = await scenario.FileAsync("VPN drops");
        await scenario.DraftOverRestAsync(id);
        var (_, panel) = await scenario.OpenTicketAsync(id);
        await panel.GetByRole(AriaRole.Button, new() { Name = "Edit" }).ClickAsync();
        var reply = panel.GetByLabel("Reply", new() { Exact = true });
        await reply.FillAsync("My own words.");
        // Another agent saves an edit first: the version this page shows is no longer current.
        using (var other = await scenario.Api.PutAsJsonAsync($"/api/tickets/{id}/draft", new { reply = "Their words.", tech_instructions = "" }))
        {
            other.EnsureSuccessStatusCode();
        }

        await panel.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(panel.GetByRole(AriaRole.Alert)).ToContainTextAsync("Someone changed this draft while you were editing it");
        await Expect(panel.GetByRole(AriaRole.Alert)).ToContainTextAsync("it is now version 2");
        Assert.Equal("My own words.", await reply.InputValueAsync());
        Assert.Equal("Their words.", (string)(await scenario.CurrentDraftAsync(id))!["reply"]!);

        await panel.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(panel.Locator("#draft-reply")).ToHaveTextAsync("Their words.");
    }

    [Fact]
    public async Task Saving_an_empty_reply_shows_the_apis_field_error()
    {
        await using var scenario = await DraftPanelScenario.StartAsync(chromium);
        var id = await scenario.FileAsync("VPN drops");
        await scenario.DraftOverRestAsync(id);
        var (_, panel) = await scenario.OpenTicketAsync(id);

        await panel.GetByRole(AriaRole.Button, new() { Name = "Edit" }).ClickAsync();
        await panel.GetByLabel("Reply", new() { Exact = true }).FillAsync("   ");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(panel.GetByRole(AriaRole.Alert)).ToContainTextAsync("reply:");
        Assert.Equal(1, (long)(await scenario.CurrentDraftAsync(id))!["version"]!);
    }
}
