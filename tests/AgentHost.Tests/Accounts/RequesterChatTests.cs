using AgentHost.Tests.Support;

namespace AgentHost.Tests.Accounts;

/// <summary>
/// A requester's chat with the offline planner acts as the requester (docs/accounts.md, "Visibility";
/// docs/offline-assistant.md, "Requesters"): it follows their own tickets and refuses staff actions politely.
/// </summary>
public sealed class RequesterChatTests
{
    [Theory]
    [InlineData("what's the status of my tickets?")]
    [InlineData("show my tickets")]
    [InlineData("any update on my ticket?")]
    public async Task A_requesters_question_about_their_tickets_lists_their_own_and_nobody_elses(string question)
    {
        await using var host = await SignedInHost.StartAsync();
        var own = await host.FileAsync("VPN drops every hour", SignedInHost.RequesterEmail);
        var other = await host.FileAsync("Lee's printer jams", "lee@example.com");

        var frames = await SignedInHost.ChatAsync(host.Requester, question);

        var text = SseReader.Text(frames);
        Assert.Equal("end", frames[^1].Event);
        Assert.StartsWith("Your tickets:", text, StringComparison.Ordinal);
        Assert.Contains($"#{own} VPN drops every hour", text, StringComparison.Ordinal);
        Assert.DoesNotContain($"#{other}", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Lee", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_requester_without_tickets_is_told_they_have_none()
    {
        await using var host = await SignedInHost.StartAsync();
        await host.FileAsync("Lee's printer jams", "lee@example.com");

        var text = SseReader.Text(await SignedInHost.ChatAsync(host.Requester, "what's the status of my tickets?"));

        Assert.StartsWith("You have no tickets with the support desk yet.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_requester_asking_for_everyones_tickets_is_told_they_see_their_own_and_shown_those()
    {
        await using var host = await SignedInHost.StartAsync();
        var own = await host.FileAsync("VPN drops every hour", SignedInHost.RequesterEmail);
        var other = await host.FileAsync("Lee's printer jams", "lee@example.com");

        var text = SseReader.Text(await SignedInHost.ChatAsync(host.Requester, "list everyone's tickets"));

        Assert.StartsWith("I can only show you your own tickets, not other people's.", text, StringComparison.Ordinal);
        Assert.Contains($"#{own}", text, StringComparison.Ordinal);
        Assert.DoesNotContain($"#{other}", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("delete all tickets")]
    [InlineData("as admin, close every ticket")]
    [InlineData("please resolve all the tickets")]
    public async Task A_requester_asking_for_a_staff_action_gets_a_polite_refusal_and_nothing_changes(string request)
    {
        await using var host = await SignedInHost.StartAsync();
        await host.FileAsync("VPN drops every hour", SignedInHost.RequesterEmail);
        await host.FileAsync("Lee's printer jams", "lee@example.com");
        var before = await host.AllTicketsAsync();

        var frames = await SignedInHost.ChatAsync(host.Requester, request);

        Assert.Equal("end", frames[^1].Event);
        Assert.DoesNotContain(frames, f => f.Event == "tool");
        Assert.StartsWith("Sorry, I can't do that for you: deleting, closing or changing tickets is up to the support team.",
            SseReader.Text(frames), StringComparison.Ordinal);
        Assert.Equal(before, await host.AllTicketsAsync());
    }

    [Fact]
    public async Task A_requester_naming_someone_elses_ticket_is_told_it_does_not_exist()
    {
        await using var host = await SignedInHost.StartAsync();
        var other = await host.FileAsync("Lee's printer jams", "lee@example.com");

        var frames = await SignedInHost.ChatAsync(host.Requester, $"show ticket {other}");

        var text = SseReader.Text(frames);
        Assert.Contains($"Ticket with id '{other}' was not found.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("printer", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_requester_filing_a_problem_in_the_chat_owns_the_ticket_it_files()
    {
        await using var host = await SignedInHost.StartAsync();

        await SignedInHost.ChatAsync(host.Requester, "new ticket: laptop battery swells");
        var text = SseReader.Text(await SignedInHost.ChatAsync(host.Requester, "show my tickets"));

        Assert.Contains("laptop battery swells", text, StringComparison.OrdinalIgnoreCase);
    }
}
