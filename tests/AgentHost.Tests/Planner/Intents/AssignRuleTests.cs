using AgentHost.Chat.Planner.Intents;
using static AgentHost.Tests.Planner.Intents.IntentProbe;

namespace AgentHost.Tests.Planner.Intents;

public class AssignRuleTests
{
    private readonly AssignRule _rule = new();

    [Theory]
    [InlineData("assign 12 to me", """assign_ticket {"assignee":"me","id":12}""")]
    [InlineData("Assign ticket 12 to sam@example.com", """assign_ticket {"assignee":"sam@example.com","id":12}""")]
    [InlineData("please reassign #7 to Kim.Lee@Example.org", """assign_ticket {"assignee":"kim.lee@example.org","id":7}""")]
    [InlineData("assign 3 and 4 to me", """assign_ticket {"assignee":"me","id":3} | assign_ticket {"assignee":"me","id":4}""")]
    [InlineData("unassign 12", """assign_ticket {"assignee":"none","id":12}""")]
    public void Assigning_names_the_ticket_and_the_person(string words, string expected) =>
        Assert.Equal(expected, Probe(_rule, words));

    [Theory]
    [InlineData("show my queue")]
    [InlineData("what's assigned to me?")]
    [InlineData("what is assigned to me")]
    public void My_queue_lists_the_tickets_assigned_to_me(string words) =>
        Assert.Equal("""list_tickets {"assignee":"me"}""", Probe(_rule, words));

    [Fact]
    public void Assigning_without_a_person_asks_who() =>
        Assert.StartsWith("ask: Who should I assign it to?", Probe(_rule, "assign 12"));

    [Fact]
    public void Assigning_without_a_ticket_asks_which() =>
        Assert.StartsWith("ask: Which ticket should I assign?", Probe(_rule, "assign it to me"));

    [Theory]
    [InlineData("show ticket 12")]
    [InlineData("list open tickets")]
    public void Other_requests_are_not_assignments(string words) =>
        Assert.Equal("none", Probe(_rule, words));
}
