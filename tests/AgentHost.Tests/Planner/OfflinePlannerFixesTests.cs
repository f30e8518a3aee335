using AgentHost.Chat.Planner;
using AgentHost.Chat.Planner.State;

namespace AgentHost.Tests.Planner;

/// <summary>Guards for the fixes made after blind-1 was scored once (written in new words, not the set's).</summary>
public class OfflinePlannerFixesTests
{
    private static readonly ConversationState Fresh = ConversationState.Empty(PlannerTable.Now);

    [Theory]
    [InlineData("list tickets 4, 5 and 6", """list_tickets {"id__in":[4,5,6]}""")]
    [InlineData("which tickets were updated most recently", """list_tickets {"ordering":"-updated"}""")]
    [InlineData("which tickets have 'refund due' in the title", """list_tickets {"title__icontains":"refund due"}""")]
    [InlineData("tickets whose description mentions a chargeback", """list_tickets {"description__icontains":"chargeback"}""")]
    [InlineData("has anyone answered on 33?", """list_messages {"ticket_id":33}""")]
    [InlineData("hi, what are the ticket counts per status?", "count_tickets {}")]
    [InlineData("scrap 30, it's a copy of 29", "delete? 30")]
    [InlineData("tkt 8 is solved, mark it done", """set_ticket_status {"id":8,"status":"RESOLVED"}""")]
    [InlineData("the requester on 12 must be Ann Lee, ann.lee@example.com", """update_ticket {"id":12,"requester_email":"ann.lee@example.com","requester_name":"Ann Lee"}""")]
    [InlineData("rename ticket 9 to: Scanner offline", """update_ticket {"id":9,"title":"Scanner offline"}""")]
    [InlineData("recategorise ticket 5 as email", """update_ticket {"category":"EMAIL","id":5}""")]
    public void Reworded_requests_reach_the_right_call(string words, string expected) =>
        Assert.Equal(expected, PlannerTable.Plan(words));

    [Fact]
    public void Labels_said_after_the_problem_are_the_persons_labels()
    {
        var call = Assert.Single(OfflinePlanner.Understand("create a ticket: the fridge on floor 2 is warm. other, low", Fresh).Calls);
        Assert.Equal("LOW", call.Arguments["priority"]);
        Assert.Equal("OTHER", call.Arguments["category"]);
        Assert.Equal("The fridge on floor 2 is warm.", call.Arguments["description"]);
    }

    [Theory]
    [InlineData("close 3 or 4, I forget which")]
    [InlineData("ticket 18 is in the wrong category, it's a printer problem")]
    public void An_undecided_choice_or_a_remark_about_a_ticket_gets_a_question(string words)
    {
        var plan = OfflinePlanner.Understand(words, Fresh);
        Assert.Equal(PlanKind.Reply, plan.Kind);
        Assert.Contains("?", plan.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public void An_off_topic_question_while_collecting_facts_is_not_added_to_the_ticket()
    {
        var collecting = Fresh with { Collecting = new FiledProblem(7, "Printer jams") };
        Assert.Equal("reply", PlannerTable.Plan("who won the match yesterday?", collecting));
    }
}
