using AgentHost.Chat.Planner.Problems;

namespace AgentHost.Tests.Planner.Language;

public class ProblemFactsTests
{
    [Fact]
    public void A_bare_report_misses_all_four_facts() =>
        Assert.Equal([ProblemFact.SinceWhen, ProblemFact.ExactError, ProblemFact.DeviceOrApp, ProblemFact.HowManyPeople],
            ProblemFacts.Missing("It keeps breaking"));

    [Fact]
    public void Facts_already_given_are_not_asked_again() =>
        Assert.Equal([ProblemFact.HowManyPeople],
            ProblemFacts.Missing("Outlook says 'cannot connect to server' since this morning"));

    [Fact]
    public void Each_missing_fact_has_a_question() =>
        Assert.All(Enum.GetValues<ProblemFact>(), f => Assert.EndsWith("?", ProblemFacts.Question(f)));
}

public class ProblemTitleTests
{
    [Theory]
    [InlineData("Hi, my vpn keeps disconnecting since this morning, please help", "VPN keeps disconnecting")]
    [InlineData("the printer next to the kitchen jams on every second page", "Printer next to the kitchen jams on every second page")]
    [InlineData("I can't log in to my account at all, it says my password is wrong", "I can't log in to my account at all")]
    public void The_title_is_the_first_statement_without_greetings_or_pleas(string words, string title) =>
        Assert.Equal(title, ProblemTitle.From(words));

    [Fact]
    public void A_long_statement_is_cut_at_a_word_to_eighty_characters()
    {
        var title = ProblemTitle.From(string.Join(' ', Enumerable.Repeat("printer", 30)));
        Assert.True(title.Length <= ProblemTitle.MaxLength);
        Assert.EndsWith("printer", title);
    }
}
