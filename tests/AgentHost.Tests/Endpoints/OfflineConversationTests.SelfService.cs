using AgentHost.Tests.Support;
using AgentHost.Tickets;
using Microsoft.Extensions.DependencyInjection;
using TicketApi.Contracts;

namespace AgentHost.Tests.Endpoints;

/// <summary>Self-service end to end (docs/offline-assistant.md, "Self-service"): /chat, the real ticket service, the starter articles.</summary>
public partial class OfflineConversationTests
{
    [Fact]
    public async Task A_problem_an_article_answers_gets_its_first_steps_and_that_fixed_it_resolves_the_ticket_as_self_service()
    {
        await using var factory = new AgentHostFactory().Started();
        var client = factory.CreateClient();
        var tickets = factory.Services.GetRequiredService<ITicketService>();

        var (offered, offer, session) = await SayAsync(client, "my vpn keeps disconnecting since this morning");
        var (fixedFrames, thanks, _) = await SayAsync(client, "that fixed it", session);

        Assert.Equal(["create_ticket:succeeded", "search_articles:succeeded", "get_article:succeeded"], Tools(offered));
        Assert.Contains("article #4 'VPN drops every few minutes'", offer, StringComparison.Ordinal);
        Assert.Contains("1. Note when it drops", offer, StringComparison.Ordinal);
        Assert.DoesNotContain("GlobalProtect client logs", offer, StringComparison.Ordinal); // the staff notes
        Assert.Contains("Did that fix it?", offer, StringComparison.Ordinal);
        Assert.Equal(["set_ticket_status:succeeded", "add_message:succeeded"], Tools(fixedFrames));
        Assert.Contains("Ticket #1 is resolved", thanks, StringComparison.Ordinal);
        Assert.Equal(TicketStatus.Resolved, (await tickets.GetAsync(1, None)).Value!.ResolutionStatus);
        var note = Assert.Single((await tickets.ListMessagesAsync(1, 1, 20, None)).Value!.Results);
        Assert.Equal(("note", "chat"), (note.Kind, note.Channel));
        Assert.Equal("Resolved by the requester through self-service with article #4 VPN drops every few minutes.", note.Body);
    }

    [Fact]
    public async Task When_the_steps_did_not_fix_it_the_ticket_stays_open_with_what_was_tried_as_a_note()
    {
        await using var factory = new AgentHostFactory().Started();
        var client = factory.CreateClient();
        var tickets = factory.Services.GetRequiredService<ITicketService>();
        var (_, _, session) = await SayAsync(client, "please reset my password");

        var (frames, answer, _) = await SayAsync(client, "no, it didn't fix it", session);

        Assert.Equal(["add_message:succeeded"], Tools(frames));
        Assert.Contains("an agent will pick it up", answer, StringComparison.Ordinal);
        Assert.Equal(TicketStatus.Open, (await tickets.GetAsync(1, None)).Value!.ResolutionStatus);
        var note = Assert.Single((await tickets.ListMessagesAsync(1, 1, 20, None)).Value!.Results);
        Assert.Equal("note", note.Kind);
        Assert.StartsWith("Self-service did not fix it. Offered in the chat: article #1 ", note.Body, StringComparison.Ordinal);
        Assert.Contains("\n1. ", note.Body, StringComparison.Ordinal);
        Assert.EndsWith("Their answer: \"no, it didn't fix it\"", note.Body, StringComparison.Ordinal);
    }
}
