using AgentHost.Chat.Planner;
using AgentHost.Chat.Planner.Intents;
using AgentHost.Chat.Planner.Language;
using AgentHost.Chat.Planner.State;
using static AgentHost.Tests.Planner.Intents.IntentProbe;

namespace AgentHost.Tests.Planner.Intents;

public class DraftReplyRuleTests
{
    [Theory]
    [InlineData("draft a reply to 12")]
    [InlineData("please write a response for ticket 12")]
    [InlineData("can you prepare an answer to #12")]
    [InlineData("draft 12")]
    public void A_request_for_a_draft_calls_draft_reply_for_the_ticket(string words) =>
        Assert.Equal("""draft_reply {"id":12}""", Probe(new DraftReplyRule(), words));

    [Fact]
    public void Without_a_number_the_ticket_in_focus_is_drafted_and_with_none_the_planner_asks()
    {
        Assert.Equal("""draft_reply {"id":7}""", Probe(new DraftReplyRule(), "draft a reply", Fresh with { Focus = 7 }));
        Assert.StartsWith("ask: Which ticket should I draft a reply to?", Probe(new DraftReplyRule(), "draft a reply"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_draft_request_with_more_words_is_a_draft_not_a_dictated_reply() =>
        Assert.Equal("""draft_reply {"id":12}""", PlannerTable.Plan("draft a reply to 12 that apologises for the delay"));

    [Theory]
    [InlineData("reply to 69: we are on it")]
    [InlineData("add a note to 12: draft a reply later")]
    public void Dictated_messages_are_not_drafts(string words) =>
        Assert.Equal("none", Probe(new DraftReplyRule(), words));
}

public class DraftRefineRuleTests
{
    private static readonly ConversationState Drafted12 = Fresh with { Drafted = 12, Focus = 30 };

    [Theory]
    [InlineData("make it more formal")]
    [InlineData("shorter please")]
    [InlineData("more concise")]
    [InlineData("can you make the reply less technical")]
    [InlineData("include steps for resetting the router")]
    public void A_refinement_calls_draft_reply_on_the_drafted_ticket_with_the_words(string words) =>
        Assert.Equal($$"""draft_reply {"id":12,"instruction":"{{words}}"}""", Probe(new DraftRefineRule(), words, Drafted12));

    [Fact]
    public void A_ticket_named_in_the_refinement_wins() =>
        Assert.Equal("""draft_reply {"id":15,"instruction":"make the reply to 15 shorter"}""", Probe(new DraftRefineRule(), "make the reply to 15 shorter", Drafted12));

    [Fact]
    public void With_no_draft_in_the_session_the_planner_says_how_to_start_one() =>
        Assert.StartsWith("ask: There is no draft in this conversation yet.", Probe(new DraftRefineRule(), "make it more formal"), StringComparison.Ordinal);

    [Theory]
    [InlineData("make 61 high priority")]
    [InlineData("make it urgent")]
    [InlineData("rename 3 to VPN drops hourly")]
    public void Field_edits_are_not_refinements(string words) =>
        Assert.Equal("none", Probe(new DraftRefineRule(), words, Drafted12));
}

public class DraftQuestionRuleTests
{
    [Theory]
    [InlineData("what should the technician do on 12?", AnswerStyle.TechInstructions)]
    [InlineData("tech instructions for 12", AnswerStyle.TechInstructions)]
    [InlineData("how do we fix 12?", AnswerStyle.TechInstructions)]
    [InlineData("is 12 solved or does it need follow-up?", AnswerStyle.SolutionStatus)]
    [InlineData("does 12 need more information?", AnswerStyle.SolutionStatus)]
    public void Questions_about_the_draft_read_it_with_get_draft(string words, AnswerStyle style)
    {
        var intent = Read(new DraftQuestionRule(), words);
        Assert.Equal("""get_draft {"id":12}""", Render(intent));
        Assert.Equal(style, intent!.Style);
    }

    [Fact]
    public void Without_a_number_the_drafted_ticket_is_meant_and_with_none_the_planner_asks()
    {
        Assert.Equal("""get_draft {"id":12}""", Probe(new DraftQuestionRule(), "does it need follow-up?", Fresh with { Drafted = 12 }));
        Assert.StartsWith("ask: Which ticket do you mean?", Probe(new DraftQuestionRule(), "what should the technician do?"), StringComparison.Ordinal);
    }

    [Fact]
    public void Is_12_resolved_is_still_a_look_up() =>
        Assert.Equal("none", Probe(new DraftQuestionRule(), "is 12 resolved?"));
}

public class SendDraftRuleTests
{
    private static PlannerPlan? Send(string words, ConversationState? state = null) =>
        new SendDraftRule().Match(words, TextNormalizer.Normalize(words), state ?? Fresh);

    [Theory]
    [InlineData("send it")]
    [InlineData("please send the draft")]
    [InlineData("send the reply to 12")]
    [InlineData("can you send it to the customer now?")]
    public void Sending_is_answered_without_a_tool_naming_the_approval(string words)
    {
        var plan = Send(words, Fresh with { Drafted = 12 })!;

        Assert.Equal(PlanKind.Reply, plan.Kind);
        Assert.Empty(plan.Calls);
        Assert.Contains("only after a person approves it, in the desk", plan.Reply, StringComparison.Ordinal);
        Assert.Contains("POST /api/tickets/12/draft/send", plan.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public void With_no_draft_known_the_path_names_the_placeholder() =>
        Assert.Contains("POST /api/tickets/{id}/draft/send", Send("send it")!.Reply, StringComparison.Ordinal);

    [Theory]
    [InlineData("send a reply to 12: we are on it")]
    [InlineData("send me the list of open tickets")]
    public void A_dictated_reply_or_another_request_is_not_a_send(string words) =>
        Assert.Null(Send(words));
}
