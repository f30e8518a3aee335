using AgentHost.Chat.Planner.Intents;
using static AgentHost.Tests.Planner.Intents.IntentProbe;

namespace AgentHost.Tests.Planner.Intents;

public class DeleteRuleTests
{
    private readonly DeleteRule _rule = new();

    [Theory]
    [InlineData("delete ticket 33", "delete? 33")]
    [InlineData("please get rid of #120, it's a duplicate", "delete? 120")]
    [InlineData("remove ticket 99", "delete? 99")]
    public void A_delete_of_one_ticket_asks_to_confirm_and_calls_nothing(string words, string expected)
    {
        var intent = Read(_rule, words);
        Assert.Equal(expected, Render(intent));
        Assert.Empty(intent!.AllCalls());
    }

    [Fact]
    public void Delete_it_means_the_ticket_shown_last() =>
        Assert.Equal("delete? 88", Probe(_rule, "delete it", Showed(88)));

    [Fact]
    public void Deleting_many_at_once_is_answered_with_a_question() =>
        Assert.StartsWith("ask: Which one ticket should I delete?", Probe(_rule, "delete all the closed tickets"));
}
