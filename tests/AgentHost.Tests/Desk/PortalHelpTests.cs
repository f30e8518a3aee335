using AgentHost.Tests.Support;
using BrowserSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TicketApi.Limits;

namespace AgentHost.Tests.Desk;

/// <summary>
/// /help (docs/desk.md, "Requester portal"): the chat with the assistant over POST /chat (docs/chat-sse.md), in a
/// real Chromium, with the offline assistant (no model) unless a test scripts a failing one.
/// </summary>
public sealed class PortalHelpTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const string Dana = "dana@example.com";

    private static ILocator Log(IPage page) => page.Locator("#chat-log");

    private static ILocator Message(IPage page) => page.GetByLabel("Your message");

    private static async Task SendAsync(IPage page, string text)
    {
        await Message(page).FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
    }

    /// <summary>The turn is over when its bubble stops being busy and the Send button is usable again.</summary>
    private static async Task WaitForAnswerAsync(IPage page, int turns)
    {
        await Assertions.Expect(Log(page).Locator(".bubble.assistant:not([aria-busy])")).ToHaveCountAsync(turns);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send" })).ToBeEnabledAsync();
    }

    [Fact]
    public async Task A_requester_describing_a_problem_sees_the_answer_with_plain_activity_offered_steps_and_a_link_to_their_new_ticket()
    {
        await using var site = DeskSite.Start(chromium, accountsRequired: true);
        var page = await site.SignInAsync(Dana, "requester");
        await page.GotoAsync(site.Origin + "/help");

        await SendAsync(page, "my vpn keeps disconnecting");
        var link = page.GetByRole(AriaRole.Link, new() { NameRegex = new("^Your ticket #\\d+") });
        await link.WaitForAsync();
        await WaitForAnswerAsync(page, 1);

        await Assertions.Expect(page.GetByText("needs JavaScript")).ToHaveCountAsync(0);
        var href = await link.GetAttributeAsync("href");
        var id = long.Parse(href!["/my/".Length..], System.Globalization.CultureInfo.InvariantCulture);
        var log = await Log(page).InnerTextAsync();
        Assert.Contains("Filing your ticket... done.", log, StringComparison.Ordinal);
        Assert.Contains("Looking for articles... done.", log, StringComparison.Ordinal);
        Assert.Contains($"I filed ticket #{id}", log, StringComparison.Ordinal);
        Assert.Contains("Did that fix it?", log, StringComparison.Ordinal);
        Assert.DoesNotContain("create_ticket", log, StringComparison.Ordinal);
        Assert.DoesNotContain("search_articles", log, StringComparison.Ordinal);
        Assert.DoesNotContain("{", log, StringComparison.Ordinal);
        using var own = await PortalSite.ClientOfAsync(site, Dana);
        var ticket = await PortalSite.JsonAsync(await own.GetAsync(new Uri($"/api/tickets/{id}/", UriKind.Relative)));
        Assert.Equal(Dana, (string?)ticket["requester_email"]);
        await link.ClickAsync();
        await page.WaitForAddressAsync(site.Origin + $"/my/{id}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync((string)ticket["title"]!);
    }

    [Fact]
    public async Task A_second_message_sent_with_enter_continues_the_same_conversation_and_shift_enter_makes_a_new_line()
    {
        await using var site = DeskSite.Start(chromium, accountsRequired: true);
        var page = await site.SignInAsync(Dana, "requester");
        await page.GotoAsync(site.Origin + "/help");

        await SendAsync(page, "my laptop will not boot since this morning");
        var link = page.GetByRole(AriaRole.Link, new() { NameRegex = new("^Your ticket #\\d+") });
        await link.WaitForAsync();
        await WaitForAnswerAsync(page, 1);
        var id = (await link.GetAttributeAsync("href"))!["/my/".Length..];
        await Message(page).PressSequentiallyAsync("It shows a black screen");
        await Message(page).PressAsync("Shift+Enter");
        await Message(page).PressSequentiallyAsync("only my laptop");
        Assert.Equal("It shows a black screen\nonly my laptop", await Message(page).InputValueAsync());
        await Message(page).PressAsync("Enter");
        await WaitForAnswerAsync(page, 2);

        Assert.Equal("", await Message(page).InputValueAsync());
        Assert.Equal("It shows a black screen\nonly my laptop", await Log(page).Locator(".bubble.user .said").Nth(1).InnerTextAsync());
        using var own = await PortalSite.ClientOfAsync(site, Dana);
        var thread = await PortalSite.JsonAsync(await own.GetAsync(new Uri($"/api/tickets/{id}/messages/", UriKind.Relative)));
        Assert.Contains(thread["results"]!.AsArray(), m => (string?)m!["kind"] == "customer" && ((string)m["body"]!).Contains("black screen", StringComparison.Ordinal));
        Assert.Equal(1, await page.GetByRole(AriaRole.Link, new() { NameRegex = new("^Your ticket #") }).CountAsync());
    }

    [Fact]
    public async Task A_failed_turn_is_shown_in_an_alert_and_the_message_is_kept_to_send_again()
    {
        var unreachable = new ScriptedChatClient(_ => throw new HttpRequestException("connection refused"));
        await using var site = DeskSite.Start(chromium, accountsRequired: true, provider: unreachable);
        var page = await site.SignInAsync(Dana, "requester");
        await page.GotoAsync(site.Origin + "/help");

        await SendAsync(page, "my printer is jammed");

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The model provider could not be reached: connection refused");
        Assert.Equal("my printer is jammed", await Message(page).InputValueAsync());
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send" })).ToBeEnabledAsync();
    }

    [Fact]
    public async Task A_refusal_of_the_chat_api_is_shown_with_its_problem_detail_and_the_message_is_kept()
    {
        await using var site = DeskSite.Start(chromium, accountsRequired: true,
            services: s => s.AddSingleton(new RateLimitSettings { Chat = new(Burst: 1, PerMinute: 1), LocalFactor = 1 }));
        var page = await site.SignInAsync(Dana, "requester");
        await page.GotoAsync(site.Origin + "/help");
        await SendAsync(page, "hello");
        await WaitForAnswerAsync(page, 1);

        await SendAsync(page, "my printer is jammed");

        var alert = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(alert).ToContainTextAsync("more requests of this kind than the desk's rate limit allows");
        Assert.Equal("my printer is jammed", await Message(page).InputValueAsync());
    }

    [Fact]
    public async Task In_local_mode_the_local_admin_uses_help_without_signing_in()
    {
        await using var site = DeskSite.Start(chromium);
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.Origin + "/help");

        await SendAsync(page, "Outlook crashes when I open it");
        await WaitForAnswerAsync(page, 1);

        var link = page.GetByRole(AriaRole.Link, new() { NameRegex = new("^Your ticket #\\d+") });
        Assert.True(await link.CountAsync() == 1, await Log(page).InnerTextAsync());
        await link.ClickAsync();
        await page.WaitForAddressContainingAsync("/my/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Outlook", new() { IgnoreCase = true });
    }

    [Fact]
    public async Task With_javascript_off_the_page_says_the_chat_needs_it_and_points_to_my_tickets()
    {
        await using var site = DeskSite.Start(chromium, accountsRequired: true);
        var signedIn = await site.SignInAsync(Dana, "requester");
        var (context, page) = await PortalSite.WithoutJavaScriptAsync(chromium, signedIn);
        await using var _ = context;

        await page.GotoAsync(site.Origin + "/help");

        await Assertions.Expect(page.GetByText("The chat with the assistant needs JavaScript.")).ToBeVisibleAsync();
        Assert.Equal(1, await page.GetByLabel("Your message").CountAsync());
        await Assertions.Expect(page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "My tickets" }).Last).ToHaveAttributeAsync("href", "/my");
        await Assertions.Expect(page.GetByLabel("Your message")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task The_help_page_with_a_conversation_has_no_serious_accessibility_violations_at_desktop_or_phone_width()
    {
        await using var site = DeskSite.Start(chromium, accountsRequired: true);
        foreach (var (viewport, email) in new[] { ((ViewportSize?)null, Dana), (DeskSite.Phone, "lee@example.com") })
        {
            var page = await site.SignInAsync(email, "requester", viewport);
            await page.GotoAsync(site.Origin + "/help");
            await Accessibility.AssertNoSeriousViolationsAsync(page);
            await SendAsync(page, "my vpn keeps disconnecting");
            await page.GetByRole(AriaRole.Link, new() { NameRegex = new("^Your ticket #\\d+") }).WaitForAsync();
            await WaitForAnswerAsync(page, 1);
            await Accessibility.AssertNoSeriousViolationsAsync(page);
        }
    }
}
