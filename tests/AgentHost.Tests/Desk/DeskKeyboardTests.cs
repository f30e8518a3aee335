using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BrowserSupport;
using Microsoft.Playwright;
using static AgentHost.Tests.Desk.QueueTests;
using static Microsoft.Playwright.Assertions;

namespace AgentHost.Tests.Desk;

/// <summary>
/// The agent's work done with the keyboard alone (docs/desk.md, "Quality bar"): Tab, Shift+Tab, Enter and Space, no
/// clicks. After every key the focused element shows a visible focus ring, and after every action the focus is on
/// the control used or a meaningful target, never dropped to the page's body.
/// </summary>
public sealed class DeskKeyboardTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    /// <summary>Enough Tabs to cross the longest page here (the ticket view with its triage buttons and draft panel).</summary>
    private const int MaxTabs = 120;

    [Fact]
    public async Task An_agent_opens_a_ticket_from_the_queue_overrides_its_priority_adds_a_note_and_sends_a_draft_with_the_keyboard_alone()
    {
        await using var site = DeskSite.Start(chromium, accountsRequired: true);
        using var kim = await site.ClientAsAsync("kim@example.com", "agent");
        var id = await CreateAsync(kim, "VPN drops every hour", "My VPN disconnects every hour when I work from home.",
            priority: "LOW", requesterEmail: "dana@example.com", requesterName: "Dana");
        var page = await site.SignInAsync("sam@example.com", "agent");
        await page.GotoAsync(site.Origin + "/queue");

        // The skip link is the first stop and leads past the menu and the filters' header to the content.
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" })).ToBeFocusedAsync();
        await AssertFocusVisibleAsync(page);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Main)).ToBeFocusedAsync();

        // Open the ticket from the queue.
        await TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = $"#{id} VPN drops every hour" }));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForAddressAsync(site.Origin + $"/tickets/{id}");

        // Override the priority with Space; the focus stays on the button pressed, now pressed.
        var urgent = page.GetByRole(AriaRole.Group, new() { Name = "Set priority" }).GetByRole(AriaRole.Button, new() { Name = "URGENT" });
        await TabToAsync(page, urgent);
        await page.Keyboard.PressAsync("Space");
        await Expect(page.Locator("#ticket-priority")).ToHaveTextAsync("URGENT");
        await Expect(urgent).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(urgent).ToBeFocusedAsync();
        await AssertFocusVisibleAsync(page);

        // Back up to the conversation, type a note and add it with Enter on "Add note".
        await TabToAsync(page, page.GetByLabel("Add to the conversation"), backwards: true);
        await page.Keyboard.TypeAsync("Called Dana; the router is fine.");
        var addNote = page.GetByRole(AriaRole.Button, new() { Name = "Add note" });
        await TabToAsync(page, addNote);
        await page.Keyboard.PressAsync("Enter");
        var thread = page.GetByRole(AriaRole.Region, new() { Name = "Conversation" });
        await Expect(thread.GetByRole(AriaRole.Article, new() { Name = "Internal note" })).ToContainTextAsync("Called Dana; the router is fine.");
        await Expect(addNote).ToBeFocusedAsync();
        await Expect(page.GetByLabel("Add to the conversation")).ToHaveValueAsync("");

        // Generate a draft: the focus moves to the new draft's reply rather than falling to the page.
        var panel = page.GetByRole(AriaRole.Region, new() { Name = "Draft reply" });
        await TabToAsync(page, panel.GetByRole(AriaRole.Button, new() { Name = "Generate draft" }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(panel.GetByText(new Regex("^Version 1, "))).ToBeVisibleAsync();
        await Expect(panel.GetByRole(AriaRole.Heading, new() { Name = "Reply to the requester" })).ToBeFocusedAsync();
        await AssertFocusVisibleAsync(page);

        // Send it: the panel says so and keeps the focus on its heading.
        await TabToAsync(page, panel.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(panel.GetByText("Sent.", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(panel.GetByRole(AriaRole.Heading, new() { Name = "Draft reply" })).ToBeFocusedAsync();
        await AssertFocusVisibleAsync(page);
        await Expect(thread.GetByRole(AriaRole.Article, new() { Name = "Public reply" })).ToHaveCountAsync(1);
        // The thread's swap after the send left the focus where the panel put it.
        await Expect(panel.GetByRole(AriaRole.Heading, new() { Name = "Draft reply" })).ToBeFocusedAsync();

        var ticket = await GetAsync(kim, id);
        Assert.Equal("URGENT", (string?)ticket["priority"]);
        var messages = JsonNode.Parse(await kim.GetStringAsync($"/api/tickets/{id}/messages/"))!["results"]!.AsArray();
        Assert.Equal(["note", "reply"], messages.Select(m => (string)m!["kind"]!));
        Assert.Equal("web", (string?)messages[0]!["channel"]);
    }

    [Fact]
    public async Task A_status_button_that_disappears_after_use_hands_the_focus_to_its_sections_heading()
    {
        await using var site = DeskSite.Start(chromium);
        using var api = site.Host.CreateClient();
        var id = await CreateAsync(api, "Monitor flickers", priority: "NORMAL");
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.Origin + $"/tickets/{id}");

        var resolve = page.GetByRole(AriaRole.Region, new() { Name = "Status" }).GetByRole(AriaRole.Button, new() { Name = "Resolve" });
        await TabToAsync(page, resolve);
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("#ticket-status")).ToHaveTextAsync("RESOLVED");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Status", Exact = true })).ToBeFocusedAsync();
        await AssertFocusVisibleAsync(page);
        // The next Tab continues from there: into the buttons the new status offers.
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Status" }).GetByRole(AriaRole.Button, new() { Name = "Reopen" })).ToBeFocusedAsync();
    }

    /// <summary>Presses Tab (Shift+Tab backwards) until <paramref name="target"/> has the focus, checking the ring at every stop.</summary>
    private static async Task TabToAsync(IPage page, ILocator target, bool backwards = false)
    {
        for (var presses = 0; presses < MaxTabs; presses++)
        {
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
            await AssertFocusVisibleAsync(page);
            if (await target.EvaluateAsync<bool>("element => element === document.activeElement"))
            {
                return;
            }
        }
        Assert.Fail($"{MaxTabs} presses of {(backwards ? "Shift+Tab" : "Tab")} never reached {target}.");
    }

    /// <summary>The focused element is not the body and draws a focus ring (an outline of some width) that is not transparent.</summary>
    private static async Task AssertFocusVisibleAsync(IPage page)
    {
        var problem = await page.EvaluateAsync<string>("""
            () => {
              const element = document.activeElement;
              if (!element || element === document.body) return 'the focus fell to the body';
              const style = getComputedStyle(element);
              const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 && style.outlineColor !== 'rgba(0, 0, 0, 0)';
              return ring ? '' : `no visible focus ring on ${element.outerHTML.slice(0, 120)}`;
            }
            """);
        Assert.True(problem.Length == 0, problem);
    }
}
