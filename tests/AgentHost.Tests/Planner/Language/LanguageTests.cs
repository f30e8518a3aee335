using AgentHost.Chat.Planner.Language;

namespace AgentHost.Tests.Planner.Language;

public class ClauseSplitterTests
{
    private static string[] Texts(string words) => ClauseSplitter.Split(words).Select(c => c.Text).ToArray();

    [Fact]
    public void Two_commands_joined_by_and_are_two_clauses() =>
        Assert.Equal(["close 1", "reopen 2"], Texts("close 1 and reopen 2"));

    [Fact]
    public void A_list_of_ids_stays_one_clause() =>
        Assert.Equal(["close tickets 30, 31 and 32"], Texts("close tickets 30, 31 and 32"));

    [Fact]
    public void Dictated_text_after_a_colon_is_never_split() =>
        Assert.Equal(["resolve #4", "add a note: checked the cable, and then close the case"],
            Texts("resolve #4 and add a note: checked the cable, and then close the case"));

    [Fact]
    public void A_correction_is_its_own_clause_with_its_stance()
    {
        var clauses = ClauseSplitter.Split("close 16, no wait, I meant 17");
        Assert.Equal([ClauseStance.Plain, ClauseStance.Filler, ClauseStance.Corrects], clauses.Select(c => c.Stance));
    }

    [Fact]
    public void A_problem_description_with_and_is_not_split() =>
        Assert.Single(Texts("my laptop won't boot and I have a client call in an hour"));
}

public class NegationTests
{
    [Theory]
    [InlineData("do not close 50", ClauseStance.Forbids)]
    [InlineData("not 41", ClauseStance.Excludes)]
    [InlineData("except 7", ClauseStance.Excludes)]
    [InlineData("i meant 17", ClauseStance.Corrects)]
    [InlineData("not 7, 8", ClauseStance.Corrects)]
    [InlineData("no wait", ClauseStance.Filler)]
    [InlineData("close 50", ClauseStance.Plain)]
    public void A_clause_has_the_stance_its_words_give(string clause, ClauseStance stance) =>
        Assert.Equal(stance, Negation.StanceOf(clause));

    [Fact]
    public void Not_forty_one_is_one_id_not_a_correction_from_four_to_one() =>
        Assert.Equal(ClauseStance.Excludes, Negation.StanceOf("not 41"));

    [Theory]
    [InlineData("tickets that are not closed", "closed", true)]
    [InlineData("everything except low priority", "low", true)]
    [InlineData("closed tickets", "closed", false)]
    public void A_word_is_negated_by_a_negator_a_few_words_before_it(string text, string word, bool negated) =>
        Assert.Equal(negated, Negation.IsNegatedAt(text, text.IndexOf(word, StringComparison.Ordinal)));
}

public class TicketIdsTests
{
    [Theory]
    [InlineData("close 12", new long[] { 12 })]
    [InlineData("show #7 and ticket 9", new long[] { 7, 9 })]
    [InlineData("close tickets 30, 31 and 32", new long[] { 30, 31, 32 })]
    [InlineData("15", new long[] { 15 })]
    [InlineData("note to 12: printer 7 jams", new long[] { 12 })]
    public void Numbers_that_point_at_tickets_are_ids(string text, long[] ids) =>
        Assert.Equal(ids, TicketIds.Find(text));

    [Theory]
    [InlineData("my laptop model 5530 will not boot")]
    [InlineData("the printer on floor 12 jams")]
    [InlineData("i never got a refund for order 4411")]
    [InlineData("asset tag 3381")]
    [InlineData("it has been down for 3 days and 80 people are affected")]
    [InlineData("show me the 3 oldest open tickets")]
    [InlineData("tickets created after 2025-01-01")]
    [InlineData("error code 50126 since 10:30")]
    public void Numbers_that_count_or_label_something_else_are_not_ids(string text) =>
        Assert.Empty(TicketIds.Find(text));
}

public class TextNormalizerTests
{
    [Theory]
    [InlineData("Clsoe tikcet 19", "close ticket 19")]
    [InlineData("reslove 28", "resolve 28")]
    [InlineData("show ticket forty-two", "show ticket 42")]
    [InlineData("don't close it", "do not close it")]
    [InlineData("close the first one", "close the first one")]
    public void The_reading_copy_fixes_typos_spells_numbers_and_contractions(string text, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(text));

    [Theory]
    [InlineData("those")]
    [InlineData("slow")]
    [InlineData("clone")]
    public void Real_words_near_a_command_word_are_left_alone(string word) =>
        Assert.Equal(word, TypoCorrector.Correct(word));
}
