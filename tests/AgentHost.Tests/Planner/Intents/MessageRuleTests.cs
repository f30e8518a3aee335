using AgentHost.Chat.Planner;
using AgentHost.Chat.Planner.Intents;
using AgentHost.Chat.Planner.Language;
using AgentHost.Chat.Planner.State;
using AgentHost.Tools;
using static AgentHost.Tests.Planner.Intents.IntentProbe;

namespace AgentHost.Tests.Planner.Intents;

public class CreateTicketRuleTests
{
    private static PlannerPlan? Create(string words) => new CreateTicketRule().Match(words, TextNormalizer.Normalize(words), Fresh);

    [Theory]
    [InlineData("create an urgent ticket: the shared drive is gone for the whole finance team", "priority", "URGENT")]
    [InlineData("open a low priority ticket: please add Greta to the marketing list", "priority", "LOW")]
    [InlineData("log this as high priority: the label printer in shipping is dead", "priority", "HIGH")]
    [InlineData("priority low: my second monitor won't wake up", "priority", "LOW")]
    [InlineData("create a billing ticket for a missing invoice for October", "category", "BILLING")]
    public void A_priority_or_category_the_person_names_is_sent(string words, string field, string value)
    {
        var call = Assert.Single(Create(words)!.Calls);
        Assert.Equal("create_ticket", call.Tool);
        Assert.Equal(value, call.Arguments[field]);
    }

    [Fact]
    public void Without_named_labels_the_triager_decides()
    {
        var call = Assert.Single(Create("new ticket: projector in the boardroom has no signal")!.Calls);
        Assert.Equal(["description", "title"], call.Arguments.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Projector in the boardroom has no signal", call.Arguments["title"]);
    }

    [Fact]
    public void Open_ticket_eight_again_is_not_a_new_ticket() => Assert.Null(Create("open ticket 8 again"));

    [Fact]
    public void A_request_with_no_problem_asks_what_it_is() =>
        Assert.Equal(PlanKind.Reply, Create("new ticket:")?.Kind ?? Create("create a ticket")!.Kind);
}

public class ProblemReportRuleTests
{
    private static PlannerPlan? Report(string words) => new ProblemReportRule().Match(words, TextNormalizer.Normalize(words), Fresh);

    [Theory]
    [InlineData("Outlook crashes every time I open it")]
    [InlineData("I was charged twice for my subscription this month")]
    [InlineData("please reset my password")]
    [InlineData("can we get a water cooler on the 4th floor?")]
    [InlineData("nobody in the office can reach the internet right now")]
    public void A_problem_in_a_persons_own_words_is_filed_without_labels_and_the_knowledge_base_searched_with_them(string words)
    {
        var plan = Report(words)!;
        Assert.Equal(2, plan.Calls.Count);
        var (create, search) = (plan.Calls[0], plan.Calls[1]);
        Assert.Equal(AnswerStyle.FiledProblem, plan.Style);
        Assert.Equal(["description", "title"], create.Arguments.Keys.Order(StringComparer.Ordinal));
        Assert.False(create.Optional);
        Assert.Equal((TicketToolCatalogue.SearchArticles, true), (search.Tool, search.Optional));
        Assert.Equal(create.Arguments["description"], search.Arguments["query"]);
    }

    [Fact]
    public void A_report_longer_than_the_search_takes_is_searched_by_its_first_500_characters_cut_at_a_word()
    {
        var words = "my vpn drops " + string.Join(" ", Enumerable.Repeat("again", 200));

        var query = (string)Report(words)!.Calls[1].Arguments["query"]!;

        Assert.True(query.Length <= 500, $"{query.Length} characters");
        Assert.StartsWith("my vpn drops again", query, StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith("again", query, StringComparison.Ordinal);
    }

    [Fact]
    public void The_title_is_summarised_and_the_description_keeps_every_word_including_numbers()
    {
        var call = Report("my laptop screen flickers when I move the lid, model 7420")!.Calls[0];
        Assert.Equal("Laptop screen flickers when I move the lid", call.Arguments["title"]);
        Assert.Equal("My laptop screen flickers when I move the lid, model 7420.", call.Arguments["description"]);
    }

    [Theory]
    [InlineData("what's the capital of Australia?")]
    [InlineData("write me a poem about spring")]
    [InlineData("order pizza for the team")]
    public void Requests_that_are_not_helpdesk_problems_are_not_filed(string words) => Assert.Null(Report(words));
}

public class FollowUpAnswerRuleTests
{
    [Fact]
    public void While_a_filed_problem_collects_facts_the_answer_goes_onto_it_as_a_customer_message()
    {
        var state = Fresh with { Collecting = new FiledProblem(41, "VPN keeps disconnecting") };
        var plan = new FollowUpAnswerRule().Match("asset tag 3381, only me", "asset tag 3381, only me", state)!;
        Assert.Equal("""add_message {"body":"asset tag 3381, only me","kind":"customer","ticket_id":41}""", Render(Assert.Single(plan.Calls)));
    }

    [Fact]
    public void Without_a_filed_problem_there_is_nothing_to_answer() =>
        Assert.Null(new FollowUpAnswerRule().Match("since monday", "since monday", Fresh));
}

public class ConfirmationAndSmallTalkRuleTests
{
    [Theory]
    [InlineData("yes", PlanKind.Confirm)]
    [InlineData("go ahead", PlanKind.Confirm)]
    [InlineData("no, keep it", PlanKind.Deny)]
    public void Yes_and_no_are_confirmations(string words, PlanKind kind) =>
        Assert.Equal(kind, new ConfirmationRule().Match(words, words, Fresh)!.Kind);

    [Theory]
    [InlineData("help")]
    [InlineData("hello")]
    [InlineData("thanks")]
    [InlineData("who are you")]
    public void Small_talk_is_answered_without_tools(string words)
    {
        var plan = new SmallTalkRule().Match(words, words, Fresh)!;
        Assert.Equal(PlanKind.Reply, plan.Kind);
        Assert.Empty(plan.Calls);
    }
}
