using System.Text.Json;
using AgentHost.Tests.Support;

namespace AgentHost.Tests.Accounts;

/// <summary>
/// docs/accounts.md, "Visibility": sentiment is not shown to a requester, so the chat's list and count tools refuse
/// them a sentiment filter as the REST list does (the in-process <c>TicketService</c> answers the same 400), while
/// staff still filter by it.
/// </summary>
public sealed class RequesterSentimentChatTests
{
    private const string Angry = "This is useless and terrible, I am furious: the printer has failed again!";

    [Theory]
    [InlineData("which of my tickets are unhappy?", "list_tickets")]
    [InlineData("how many unhappy tickets do I have?", "count_tickets")]
    public async Task A_requester_asking_the_chat_to_filter_by_sentiment_gets_a_failed_tool_call_and_no_ticket_read_back(string question, string tool)
    {
        await using var host = await SignedInHost.StartAsync();
        var own = await host.FileAsync("Printer failed again", SignedInHost.RequesterEmail, Angry);

        var frames = await SignedInHost.ChatAsync(host.Requester, question);

        var call = Assert.Single(frames, f => f.Event == "tool" && f.Data.GetProperty("name").GetString() == tool);
        Assert.Equal("failed", call.Data.GetProperty("status").GetString());
        Assert.Contains("not shown to requesters", call.Data.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Equal("end", frames[^1].Event);
        Assert.DoesNotContain($"#{own}", SseReader.Text(frames), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_asking_the_chat_for_unhappy_tickets_still_get_them()
    {
        await using var host = await SignedInHost.StartAsync();
        var own = await host.FileAsync("Printer failed again", SignedInHost.RequesterEmail, Angry);

        var frames = await SignedInHost.ChatAsync(host.Agent, "which tickets are unhappy?");

        var call = Assert.Single(frames, f => f.Event == "tool");
        Assert.Equal("NEGATIVE", call.Data.GetProperty("arguments").GetProperty("sentiment").GetString());
        Assert.Equal("succeeded", call.Data.GetProperty("status").GetString());
        Assert.Contains($"#{own}", SseReader.Text(frames), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.String, call.Data.GetProperty("summary").ValueKind);
    }
}
