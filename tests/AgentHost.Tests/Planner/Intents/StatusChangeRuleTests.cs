using AgentHost.Chat.Planner.Intents;
using static AgentHost.Tests.Planner.Intents.IntentProbe;

namespace AgentHost.Tests.Planner.Intents;

public class StatusChangeRuleTests
{
    private readonly StatusChangeRule _rule = new();

    [Theory]
    [InlineData("close 12", """set_ticket_status {"id":12,"status":"CLOSED"}""")]
    [InlineData("resolve 8 and 9", """set_ticket_status {"id":8,"status":"RESOLVED"} | set_ticket_status {"id":9,"status":"RESOLVED"}""")]
    [InlineData("reopen #7", """set_ticket_status {"id":7,"status":"OPEN"}""")]
    [InlineData("mark 26 as done", """set_ticket_status {"id":26,"status":"RESOLVED"}""")]
    [InlineData("clsoe ticket 27", """set_ticket_status {"id":27,"status":"CLOSED"}""")]
    [InlineData("close ticket number twelve", """set_ticket_status {"id":12,"status":"CLOSED"}""")]
    public void A_status_verb_with_ids_sets_that_status_on_each(string words, string expected) =>
        Assert.Equal(expected, Probe(_rule, words));

    [Fact]
    public void The_first_one_means_the_first_ticket_of_the_last_list() =>
        Assert.Equal("""set_ticket_status {"id":5,"status":"CLOSED"}""", Probe(_rule, "close the first one", Listed(5, 9, 14)));

    [Fact]
    public void All_of_them_means_every_ticket_of_the_last_list() =>
        Assert.Equal(3, Read(_rule, "resolve all of them", Listed(21, 22, 23))!.AllCalls().Count());

    [Fact]
    public void It_means_the_ticket_shown_last() =>
        Assert.Equal("""set_ticket_status {"id":90,"status":"RESOLVED"}""", Probe(_rule, "resolve it", Showed(90)));

    [Fact]
    public void Without_a_ticket_it_asks_which_one_instead_of_guessing() =>
        Assert.StartsWith("ask: Which ticket should I set to CLOSED?", Probe(_rule, "close the ticket"));

    [Fact]
    public void Words_without_a_status_verb_are_not_this_intent() =>
        Assert.Equal("none", Probe(_rule, "show ticket 12"));
}
