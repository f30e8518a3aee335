using AgentHost.Chat.Planner.Intents;
using static AgentHost.Tests.Planner.Intents.IntentProbe;

namespace AgentHost.Tests.Planner.Intents;

public class ListMessagesRuleTests
{
    private readonly ListMessagesRule _rule = new();

    [Theory]
    [InlineData("what did the customer say on 12?", """list_messages {"ticket_id":12}""")]
    [InlineData("show the conversation on 71", """list_messages {"ticket_id":71}""")]
    [InlineData("any replies on ticket 72?", """list_messages {"ticket_id":72}""")]
    [InlineData("what did the requester write on 141", """list_messages {"ticket_id":141}""")]
    public void Questions_about_the_thread_list_its_messages(string words, string expected) =>
        Assert.Equal(expected, Probe(_rule, words));

    [Fact]
    public void A_plain_look_up_is_not_about_the_thread() =>
        Assert.Equal("none", Probe(_rule, "show ticket 12"));
}

public class TriageRuleTests
{
    private readonly TriageRule _rule = new();

    [Theory]
    [InlineData("retriage 73", """triage_ticket {"id":73}""")]
    [InlineData("run triage again on ticket 74", """triage_ticket {"id":74}""")]
    public void Asking_for_triage_again_triages_that_ticket(string words, string expected) =>
        Assert.Equal(expected, Probe(_rule, words));

    [Fact]
    public void Triage_without_a_ticket_asks_which() =>
        Assert.StartsWith("ask: Which ticket should I triage again?", Probe(_rule, "retriage"));
}
