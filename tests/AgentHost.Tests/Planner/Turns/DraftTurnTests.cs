using static AgentHost.Tests.Planner.Turns.PlannerTurnDriver;

namespace AgentHost.Tests.Planner.Turns;

/// <summary>
/// The chat's draft phrases (docs/offline-assistant.md, "Drafts"), turn by turn, answered from a draft JSON of the
/// tools' shape (reply, tech_instructions_staff_only, solution_status, follow_up_questions, sources) written here.
/// </summary>
public sealed class DraftTurnTests
{
    private static readonly string[] AllTools = ["draft_reply", "get_draft", "get_ticket", "add_message"];

    private static object Draft(string status = "FINAL", params string[] questions) => new Dictionary<string, object?>
    {
        ["ticket_id"] = 12, ["version"] = 3, ["status"] = "DRAFT",
        ["reply"] = "Hi Dana,\n\nPlease restart your router and reconnect the VPN.\n\nBest regards",
        ["tech_instructions_staff_only"] = "Likely cause: gateway rekey.\nConfirm: PanGPS.log shows keep-alive timeouts.",
        ["solution_status"] = status,
        ["follow_up_questions"] = questions,
        ["sources"] = new[] { new Dictionary<string, object?> { ["type"] = "article", ["id"] = 4, ["title"] = "VPN drops every few minutes" } },
        ["generated_by"] = "offline",
    };

    private static string World(string tool, IDictionary<string, object?> args, bool hasDraft = true, object? draft = null) => tool switch
    {
        "draft_reply" => Result(true, "Drafted a reply to ticket #12.", draft ?? Draft()),
        "get_draft" when hasDraft => Result(true, "The current draft of ticket #12.", draft ?? Draft()),
        "get_draft" => Result(false, "Ticket #12 has no draft."),
        _ => Result(true, $"{tool} done."),
    };

    [Fact]
    public async Task Draft_a_reply_calls_draft_reply_and_shows_the_reply_and_that_a_person_must_approve_it()
    {
        var driver = new PlannerTurnDriver((tool, args) => World(tool, args), AllTools);

        var answer = await driver.SayAsync("draft a reply to 12");

        Assert.Equal(["""draft_reply {"id":12}"""], driver.Calls);
        Assert.Contains("Draft reply to ticket #12 (version 3); it should solve the problem:", answer, StringComparison.Ordinal);
        Assert.Contains("Please restart your router and reconnect the VPN.", answer, StringComparison.Ordinal);
        Assert.Contains("Based on: article #4 VPN drops every few minutes.", answer, StringComparison.Ordinal);
        Assert.Contains("Not sent: a person approves it in the desk or through POST /api/tickets/12/draft/send.", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("gateway rekey", answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("make it more formal")]
    [InlineData("shorter please")]
    [InlineData("a bit friendlier")]
    [InlineData("add more detail about the VPN client")]
    public async Task A_refinement_goes_to_the_last_drafted_ticket_with_the_words_as_the_instruction(string words)
    {
        var driver = new PlannerTurnDriver((tool, args) => World(tool, args), AllTools);
        await driver.SayAsync("draft a reply to 12");
        await driver.SayAsync("show ticket 30"); // looking at another ticket does not move the draft

        await driver.SayAsync(words);

        Assert.Equal([$$"""draft_reply {"id":12,"instruction":"{{words}}"}"""], driver.Calls);
    }

    [Fact]
    public async Task What_the_technician_should_do_is_read_from_the_current_draft()
    {
        var driver = new PlannerTurnDriver((tool, args) => World(tool, args), AllTools);

        var answer = await driver.SayAsync("what should the technician do on 12?");

        Assert.Equal(["""get_draft {"id":12}"""], driver.Calls);
        Assert.StartsWith("For the technician on ticket #12 (staff only, never sent to the requester):\nLikely cause: gateway rekey.", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_current_draft_one_is_drafted_and_its_tech_instructions_shown()
    {
        var driver = new PlannerTurnDriver((tool, args) => World(tool, args, hasDraft: false), AllTools);

        var answer = await driver.SayAsync("what should the technician do on 12?");

        Assert.Equal(["""get_draft {"id":12}""", """draft_reply {"id":12}"""], driver.Calls);
        Assert.Contains("Confirm: PanGPS.log shows keep-alive timeouts.", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Solved_or_follow_up_answers_with_the_solution_status_and_each_question()
    {
        var needs = Draft("NEEDS_FOLLOW_UP", "Since when does it drop?", "Which VPN client version do you use?");
        var driver = new PlannerTurnDriver((tool, args) => World(tool, args, draft: needs), AllTools);

        var answer = await driver.SayAsync("is 12 solved or does it need follow-up?");

        Assert.Equal(["""get_draft {"id":12}"""], driver.Calls);
        Assert.Equal("Ticket #12 needs follow-up (solution status NEEDS_FOLLOW_UP). The draft asks the requester:\n- Since when does it drop?\n- Which VPN client version do you use?", answer);
    }

    [Fact]
    public async Task A_final_draft_says_the_reply_should_solve_it()
    {
        var driver = new PlannerTurnDriver((tool, args) => World(tool, args), AllTools);

        var answer = await driver.SayAsync("is 12 solved or does it need follow-up?");

        Assert.StartsWith("Ticket #12 should be solved by the drafted reply (solution status FINAL)", answer, StringComparison.Ordinal);
        Assert.Contains("article #4 VPN drops every few minutes", answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("send it")]
    [InlineData("ok, send it to the customer")]
    [InlineData("send the reply to 12")]
    [InlineData("approve and send the draft")]
    public async Task Asked_to_send_the_assistant_calls_nothing_and_explains_that_a_person_approves_drafts(string words)
    {
        var driver = new PlannerTurnDriver((tool, args) => World(tool, args), AllTools);
        await driver.SayAsync("draft a reply to 12");

        var answer = await driver.SayAsync(words);

        Assert.Empty(driver.Calls);
        Assert.Contains("only after a person approves it", answer, StringComparison.Ordinal);
        Assert.Contains("POST /api/tickets/12/draft/send", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_draft_is_reported_in_the_tools_words()
    {
        var driver = new PlannerTurnDriver((tool, _) => Result(false, "Ticket with id '99' was not found."), AllTools);

        var answer = await driver.SayAsync("draft a reply to 99");

        Assert.Equal("Ticket with id '99' was not found.", answer);
    }

    [Fact]
    public async Task Without_the_draft_tools_the_planner_says_it_cannot_draft_here()
    {
        var driver = new PlannerTurnDriver((tool, args) => World(tool, args), "get_ticket");

        var answer = await driver.SayAsync("draft a reply to 12");

        Assert.Empty(driver.Calls);
        Assert.Equal("I would use the draft_reply tool for that, but it is not available here.", answer);
    }
}
