using AgentHost.Chat.Planner.Intents;
using static AgentHost.Tests.Planner.Intents.IntentProbe;

namespace AgentHost.Tests.Planner.Intents;

public class FieldUpdateRuleTests
{
    private readonly FieldUpdateRule _rule = new();

    [Theory]
    [InlineData("set priority of 12 to urgent", """update_ticket {"id":12,"priority":"URGENT"}""")]
    [InlineData("make ticket 61 high priority", """update_ticket {"id":61,"priority":"HIGH"}""")]
    [InlineData("escalate ticket 64 to urgent", """update_ticket {"id":64,"priority":"URGENT"}""")]
    [InlineData("change the category of 62 to hardware", """update_ticket {"category":"HARDWARE","id":62}""")]
    [InlineData("move 63 to the network category", """update_ticket {"category":"NETWORK","id":63}""")]
    [InlineData("assign 12 to the network category", """update_ticket {"category":"NETWORK","id":12}""")]
    [InlineData("please change 12 to low priority", """update_ticket {"id":12,"priority":"LOW"}""")]
    [InlineData("rename 65 to Printer 4 jams", """update_ticket {"id":65,"title":"Printer 4 jams"}""")]
    [InlineData("set the requester email of 66 to ana.lopez@example.com", """update_ticket {"id":66,"requester_email":"ana.lopez@example.com"}""")]
    [InlineData("the requester of 67 is Tom Becker", """update_ticket {"id":67,"requester_name":"Tom Becker"}""")]
    public void A_field_edit_updates_just_that_field(string words, string expected) =>
        Assert.Equal(expected, Probe(_rule, words));

    [Fact]
    public void Make_it_high_priority_edits_the_ticket_shown_last() =>
        Assert.Equal("""update_ticket {"id":92,"priority":"HIGH"}""", Probe(_rule, "make it high priority", Showed(92)));

    [Theory]
    [InlineData("update 15", "ask: What should I change on ticket #15")]
    [InlineData("change the priority", "ask: What should I change on which ticket")]
    [InlineData("set priority to urgent", "ask: Which ticket should I change (priority)?")]
    public void An_edit_missing_its_ticket_or_its_value_asks(string words, string expectedStart) =>
        Assert.StartsWith(expectedStart, Probe(_rule, words));

    [Fact]
    public void A_status_change_is_not_a_field_edit() =>
        Assert.Equal("none", Probe(_rule, "mark 26 as done"));
}
