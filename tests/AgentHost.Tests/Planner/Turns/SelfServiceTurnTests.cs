using static AgentHost.Tests.Planner.Turns.PlannerTurnDriver;

namespace AgentHost.Tests.Planner.Turns;

/// <summary>Self-service in the chat (docs/offline-assistant.md, "Self-service"), turn by turn against scripted tool results.</summary>
public sealed class SelfServiceTurnTests
{
    private const string Steps = "## Steps\n1. Note when it drops.\n2. Plug your laptop into the router with a **cable**,\n   or sit closer to it.\n3. Restart your router.\n4. Update the VPN app.\n\nContact support if it keeps dropping.";
    private const string StaffNotes = "STAFF-ONLY GlobalProtect rekey at 60 minutes";

    private static readonly string[] AllTools = ["create_ticket", "search_articles", "get_article", "set_ticket_status", "add_message", "get_ticket"];

    private static object Ticket(string status = "OPEN") => new Dictionary<string, object?>
    {
        ["id"] = 41, ["title"] = "VPN keeps disconnecting", ["description"] = "my vpn keeps disconnecting since this morning",
        ["created"] = "2026-11-21T10:00:00Z", ["updated"] = "2026-11-21T10:00:00Z", ["resolution_status"] = status,
        ["priority"] = "NORMAL", ["category"] = "NETWORK",
    };

    private static object Search(double coverage, string title = "VPN drops every few minutes", string[]? tags = null) => new Dictionary<string, object?>
    {
        ["count"] = 1,
        ["articles"] = new[] { new Dictionary<string, object?> { ["id"] = 4, ["slug"] = "vpn-drops", ["title"] = title, ["category"] = "NETWORK", ["tags"] = tags ?? ["vpn", "disconnect", "drops"], ["coverage"] = coverage } },
    };

    private static string World(string tool, IDictionary<string, object?> args, double coverage = 1.0, bool resolveRefused = false) => tool switch
    {
        "create_ticket" => Result(true, "Created ticket #41.", Ticket()),
        "search_articles" => Result(true, "1 article matches.", Search(coverage)),
        "get_article" => Result(true, "Article #4.", new Dictionary<string, object?>
        {
            ["id"] = 4, ["slug"] = "vpn-drops", ["title"] = "VPN drops every few minutes", ["category"] = "NETWORK", ["tags"] = new[] { "vpn" },
            ["customer_safe_steps"] = Steps, ["internal_notes_staff_only"] = StaffNotes,
        }),
        "set_ticket_status" => resolveRefused
            ? Result(false, "Ticket #41 is CLOSED; CLOSED is final.")
            : Result(true, "Ticket #41 is now RESOLVED.", Ticket("RESOLVED")),
        "add_message" => Result(true, "Added a note to ticket #41.", new Dictionary<string, object?> { ["id"] = 1, ["ticket_id"] = 41, ["kind"] = "note" }),
        _ => Result(true, $"{tool} done."),
    };

    private static async Task<PlannerTurnDriver> OfferedAsync(bool resolveRefused = false)
    {
        var driver = new PlannerTurnDriver((tool, args) => World(tool, args, resolveRefused: resolveRefused), AllTools);
        await driver.SayAsync("my vpn keeps disconnecting since this morning");
        return driver;
    }

    [Fact]
    public async Task A_problem_matching_an_article_well_is_filed_and_its_first_steps_offered_without_the_staff_notes()
    {
        var driver = new PlannerTurnDriver((tool, args) => World(tool, args), AllTools);

        var answer = await driver.SayAsync("my vpn keeps disconnecting since this morning");

        Assert.Equal(["create_ticket", "search_articles", "get_article"], driver.Calls.Select(c => c.Split(' ')[0]));
        Assert.Equal("""get_article {"id":4}""", driver.Calls[2]);
        Assert.Contains("I filed ticket #41 'VPN keeps disconnecting'", answer, StringComparison.Ordinal);
        Assert.Contains("article #4 'VPN drops every few minutes'", answer, StringComparison.Ordinal);
        Assert.Contains("1. Note when it drops.\n2. Plug your laptop into the router with a cable, or sit closer to it.\n3. Restart your router.", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("Update the VPN app", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("STAFF-ONLY", answer, StringComparison.Ordinal);
        Assert.Contains("Did that fix it?", answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("that fixed it")]
    [InlineData("it works now, thanks")]
    [InlineData("Yes it did!")]
    public async Task A_yes_resolves_the_ticket_and_then_records_the_self_service(string words)
    {
        var driver = await OfferedAsync();

        var answer = await driver.SayAsync(words);

        Assert.Equal(
            [
                """set_ticket_status {"id":41,"status":"RESOLVED"}""",
                """add_message {"body":"Resolved by the requester through self-service with article #4 VPN drops every few minutes.","kind":"note","ticket_id":41}""",
            ],
            driver.Calls);
        Assert.Contains("Glad that fixed it. Ticket #41 is resolved", answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no")]
    [InlineData("no, still broken")]
    [InlineData("it didn't fix it")]
    [InlineData("it's still not working")]
    [InlineData("that did not help, same problem")]
    public async Task A_no_or_a_negated_fix_leaves_the_ticket_for_an_agent_with_what_was_tried_as_a_note(string words)
    {
        var driver = await OfferedAsync();

        var answer = await driver.SayAsync(words);

        var call = Assert.Single(driver.Calls);
        Assert.StartsWith("add_message ", call, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"note\"", call, StringComparison.Ordinal);
        Assert.Contains("article #4 VPN drops every few minutes", call, StringComparison.Ordinal);
        Assert.Contains("1. Note when it drops.\\n2. Plug your laptop", call, StringComparison.Ordinal);
        Assert.DoesNotContain("set_ticket_status", string.Join(" ", driver.Calls), StringComparison.Ordinal);
        Assert.Contains("an agent will pick it up", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resolve_that_is_refused_adds_no_self_service_note_and_says_why()
    {
        var driver = await OfferedAsync(resolveRefused: true);

        var answer = await driver.SayAsync("that fixed it");

        Assert.Equal(["""set_ticket_status {"id":41,"status":"RESOLVED"}"""], driver.Calls);
        Assert.Equal("Ticket #41 is CLOSED; CLOSED is final.", answer);
    }

    [Fact]
    public async Task The_offer_answers_the_next_message_only()
    {
        var driver = await OfferedAsync();
        await driver.SayAsync("show ticket 12");

        var answer = await driver.SayAsync("yes");

        Assert.Empty(driver.Calls);
        Assert.Contains("nothing waiting for a yes or no", answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.5, "VPN drops every few minutes")] // the article holds too few of the problem's words
    [InlineData(0.75, "Access a shared mailbox")] // enough words, but only through its body: not about this problem
    public async Task A_weak_match_is_filed_as_before_with_the_questions_for_what_is_missing(double coverage, string title)
    {
        var driver = new PlannerTurnDriver((tool, args) => tool == "search_articles"
            ? Result(true, "1 article matches.", Search(coverage, title, ["shared", "mailbox"]))
            : World(tool, args), AllTools);

        var answer = await driver.SayAsync("my vpn keeps disconnecting since this morning");

        Assert.Equal(["create_ticket", "search_articles"], driver.Calls.Select(c => c.Split(' ')[0]));
        Assert.StartsWith("I filed ticket #41", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("Did that fix it?", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_knowledge_base_tools_a_problem_is_still_filed()
    {
        var driver = new PlannerTurnDriver((tool, args) => World(tool, args), "create_ticket", "add_message");

        var answer = await driver.SayAsync("my vpn keeps disconnecting since this morning");

        Assert.Equal(["create_ticket"], driver.Calls.Select(c => c.Split(' ')[0]));
        Assert.StartsWith("I filed ticket #41", answer, StringComparison.Ordinal);
    }
}
