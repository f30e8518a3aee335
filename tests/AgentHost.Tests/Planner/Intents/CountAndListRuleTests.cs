using AgentHost.Chat.Planner.Intents;
using static AgentHost.Tests.Planner.Intents.IntentProbe;

namespace AgentHost.Tests.Planner.Intents;

public class CountRuleTests
{
    private readonly CountRule _rule = new();

    [Theory]
    [InlineData("how many open tickets are there?", """count_tickets {"resolution_status":"OPEN"}""")]
    [InlineData("count the urgent ones", """count_tickets {"priority":"URGENT"}""")]
    [InlineData("how many billing tickets are still open", """count_tickets {"category":"BILLING","resolution_status":"OPEN"}""")]
    [InlineData("number of tickets with negative sentiment", """count_tickets {"sentiment":"NEGATIVE"}""")]
    public void A_how_many_question_counts_with_the_filters_named(string words, string expected) =>
        Assert.Equal(expected, Probe(_rule, words));

    [Fact]
    public void A_list_question_is_not_a_count() => Assert.Equal("none", Probe(_rule, "list open tickets"));
}

public class ListRuleTests
{
    private readonly ListRule _rule = new();

    [Theory]
    [InlineData("which tickets are urgent?", """list_tickets {"priority":"URGENT"}""")]
    [InlineData("high priority network tickets", """list_tickets {"category":"NETWORK","priority":"HIGH"}""")]
    [InlineData("unhappy customers this week", """list_tickets {"created__gte":"2025-06-09T00:00:00Z","sentiment":"NEGATIVE"}""")]
    [InlineData("show me the 3 oldest open tickets", """list_tickets {"ordering":"created","page_size":3,"resolution_status":"OPEN"}""")]
    [InlineData("most urgent tickets first", """list_tickets {"ordering":"-priority"}""")]
    [InlineData("tickets from jane.doe@example.com", """list_tickets {"requester_email":"jane.doe@example.com"}""")]
    [InlineData("find tickets about the projector", """list_tickets {"search":"projector"}""")]
    public void A_queue_question_lists_with_the_filters_named(string words, string expected) =>
        Assert.Equal(expected, Probe(_rule, words));

    [Theory]
    [InlineData("tickets not resolved", """list_tickets {"resolution_status__in":["OPEN","CLOSED"]}""")]
    [InlineData("list tickets that aren't closed", """list_tickets {"resolution_status__in":["OPEN","RESOLVED"]}""")]
    [InlineData("all tickets apart from the low priority ones", """list_tickets {"priority__in":["NORMAL","HIGH","URGENT"]}""")]
    public void A_negated_label_lists_the_other_values(string words, string expected) =>
        Assert.Equal(expected, Probe(_rule, words));

    [Fact]
    public void A_problem_description_that_mentions_open_is_not_a_list() =>
        Assert.Equal("none", Probe(_rule, "Outlook crashes every time I open it"));
}
