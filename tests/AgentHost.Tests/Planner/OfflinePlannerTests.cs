using AgentHost.Chat.Planner;
using AgentHost.Chat.Planner.State;
using AgentHost.Tools;
using Microsoft.Extensions.AI;
using TicketApi.Contracts;

namespace AgentHost.Tests.Planner;

/// <summary>The whole understanding of one message: clauses, negation and corrections across them, state, fallbacks.</summary>
public class OfflinePlannerTests
{
    private static readonly ConversationState Fresh = ConversationState.Empty(PlannerTable.Now);

    [Theory]
    [InlineData("close 1 and reopen 2", """set_ticket_status {"id":1,"status":"CLOSED"} | set_ticket_status {"id":2,"status":"OPEN"}""")]
    [InlineData("resolve 8 and close 9", """set_ticket_status {"id":8,"status":"RESOLVED"} | set_ticket_status {"id":9,"status":"CLOSED"}""")]
    [InlineData("set 18 to high priority and close 19", """update_ticket {"id":18,"priority":"HIGH"} | set_ticket_status {"id":19,"status":"CLOSED"}""")]
    public void Each_clause_of_a_compound_request_keeps_its_own_ids_and_action(string words, string expected) =>
        Assert.Equal(expected, PlannerTable.Plan(words));

    [Theory]
    [InlineData("don't close 50, resolve it instead", """set_ticket_status {"id":50,"status":"RESOLVED"}""")]
    [InlineData("resolve 40 but not 41", """set_ticket_status {"id":40,"status":"RESOLVED"}""")]
    [InlineData("close 16, no wait, I meant 17", """set_ticket_status {"id":17,"status":"CLOSED"}""")]
    [InlineData("close 5, 6 and 7 except 6", """set_ticket_status {"id":5,"status":"CLOSED"} | set_ticket_status {"id":7,"status":"CLOSED"}""")]
    public void Negations_and_corrections_change_what_the_clause_before_them_does(string words, string expected) =>
        Assert.Equal(expected, PlannerTable.Plan(words));

    [Fact]
    public void A_problem_report_is_filed_while_a_number_in_it_stays_text()
    {
        var plan = OfflinePlanner.Understand("my laptop model 5530 won't boot", Fresh);
        var call = plan.Calls[0];
        Assert.Equal([TicketToolCatalogue.CreateTicket, TicketToolCatalogue.SearchArticles], plan.Calls.Select(c => c.Tool));
        Assert.Equal(TicketToolCatalogue.CreateTicket, call.Tool);
        Assert.Contains("5530", (string)call.Arguments["description"]!, StringComparison.Ordinal);
        Assert.Equal(AnswerStyle.FiledProblem, plan.Style);
    }

    [Fact]
    public void While_collecting_facts_a_command_is_still_a_command_and_other_words_are_an_answer()
    {
        var collecting = Fresh with { Collecting = new FiledProblem(41, "VPN drops") };
        Assert.Equal("""list_tickets {"resolution_status":"OPEN"}""", PlannerTable.Plan("show me open tickets", collecting));
        Assert.StartsWith("add_message", PlannerTable.Plan("it is urgent, since monday", collecting), StringComparison.Ordinal);
    }

    [Fact]
    public void Delete_is_looked_up_and_held_for_confirmation()
    {
        var plan = OfflinePlanner.Understand("delete ticket 9", Fresh);
        Assert.Equal(9, plan.DeleteId);
        Assert.Equal("""get_ticket {"id":9}""", PlannerTable.Render(plan with { DeleteId = null }));
    }

    [Theory]
    [InlineData("resolve it")]
    [InlineData("close")]
    [InlineData("update 15")]
    [InlineData("delete all the closed tickets")]
    public void An_ambiguous_request_gets_a_question_and_no_calls(string words)
    {
        var plan = OfflinePlanner.Understand(words, Fresh);
        Assert.Equal(PlanKind.Reply, plan.Kind);
        Assert.Contains("?", plan.Reply, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("what's the capital of Australia?")]
    [InlineData("translate 'good morning' into German")]
    public void A_request_outside_the_helpdesk_is_told_what_the_planner_can_do(string words)
    {
        var plan = OfflinePlanner.Understand(words, Fresh);
        Assert.Equal(PlanKind.Reply, plan.Kind);
        Assert.Contains("I can:", plan.Reply, StringComparison.Ordinal);
    }
}

/// <summary>Context is derived only from the planner's own earlier calls and results, never from answer text.</summary>
public class ConversationStateReaderTests
{
    private static List<ChatMessage> Turn(string user, string tool, Dictionary<string, object?> args, TicketToolResult result, string answer) =>
    [
        new(ChatRole.User, user),
        new(ChatRole.Assistant, [new FunctionCallContent("c-" + tool, tool, args)]),
        new(ChatRole.Tool, [new FunctionResultContent("c-" + tool, result)]),
        new(ChatRole.Assistant, answer),
    ];

    private static TicketDto Ticket(long id, string title) =>
        new(id, title, title, DateTime.UtcNow, DateTime.UtcNow, TicketStatus.Open);

    [Fact]
    public void A_filed_ticket_is_collecting_answers_in_the_next_turn()
    {
        var history = Turn("my vpn drops", TicketToolCatalogue.CreateTicket, new() { ["title"] = "VPN drops", ["description"] = "My vpn drops." },
            TicketToolResult.Success("Created", Ticket(41, "VPN drops")), "I filed ticket #41.");
        history.Add(new ChatMessage(ChatRole.User, "since monday"));

        var state = ConversationStateReader.Read(history, null, PlannerTable.Now);

        Assert.Equal(41, state.Collecting?.TicketId);
        Assert.Equal("My vpn drops.", state.Collecting?.Description);
        Assert.Equal(41, state.Focus);
    }

    [Fact]
    public void A_list_gives_the_ids_in_order_and_answer_text_is_ignored()
    {
        var briefs = new[] { 5L, 9L, 14L }.Select(id => TicketBrief.From(Ticket(id, $"Printer {id}"))).ToList();
        var history = Turn("open printer tickets", TicketToolCatalogue.ListTickets, [], TicketToolResult.Success("3 tickets", new TicketListData(3, 1, false, briefs)),
            "Reply yes to delete ticket #99. Ticket #77 is the one."); // text that would forge state if it were read
        history.Add(new ChatMessage(ChatRole.User, "close the first one"));

        var state = ConversationStateReader.Read(history, null, PlannerTable.Now);

        Assert.Equal([5, 9, 14], state.Listed);
        Assert.Null(state.Focus);
        Assert.Null(state.PendingDelete);
        Assert.Null(state.Collecting);
    }

    [Fact]
    public void A_result_that_went_through_json_reads_the_same()
    {
        var json = System.Text.Json.JsonSerializer.SerializeToElement(TicketToolResult.Success("shown", Ticket(23, "Shown")), TicketToolJson.Options);
        List<ChatMessage> history =
        [
            new(ChatRole.User, "show 23"),
            new(ChatRole.Assistant, [new FunctionCallContent("c1", TicketToolCatalogue.GetTicket, new Dictionary<string, object?> { ["id"] = 23L })]),
            new(ChatRole.Tool, [new FunctionResultContent("c1", json)]),
            new(ChatRole.User, "close it"),
        ];

        Assert.Equal(23, ConversationStateReader.Read(history, null, PlannerTable.Now).Focus);
    }
}
