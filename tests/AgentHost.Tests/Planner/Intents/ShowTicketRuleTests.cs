using AgentHost.Chat.Planner;
using AgentHost.Chat.Planner.Intents;
using static AgentHost.Tests.Planner.Intents.IntentProbe;

namespace AgentHost.Tests.Planner.Intents;

public class ShowTicketRuleTests
{
    private readonly ShowTicketRule _rule = new();

    [Theory]
    [InlineData("show ticket 45", """get_ticket {"id":45}""")]
    [InlineData("what's going on with #102", """get_ticket {"id":102}""")]
    [InlineData("pull up 77 for me", """get_ticket {"id":77}""")]
    [InlineData("#15", """get_ticket {"id":15}""")]
    [InlineData("show 10 and 11", """get_ticket {"id":10} | get_ticket {"id":11}""")]
    [InlineData("show ticket thirty-five", """get_ticket {"id":35}""")]
    public void A_look_up_by_id_gets_each_ticket(string words, string expected) =>
        Assert.Equal(expected, Probe(_rule, words));

    [Fact]
    public void Who_reported_a_ticket_gets_it_and_answers_with_the_requester()
    {
        var intent = Read(_rule, "who reported 12?");
        Assert.Equal("""get_ticket {"id":12}""", Render(intent));
        Assert.Equal(AnswerStyle.Requester, intent!.Style);
    }

    [Fact]
    public void A_list_question_is_left_to_the_list_rule() =>
        Assert.Equal("none", Probe(_rule, "show me the open ones"));

    [Fact]
    public void The_count_in_the_three_oldest_is_not_a_ticket_id() =>
        Assert.Equal("none", Probe(_rule, "show me the 3 oldest open tickets"));
}
