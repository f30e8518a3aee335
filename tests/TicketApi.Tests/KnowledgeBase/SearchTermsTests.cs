using TicketApi.KnowledgeBase;

namespace TicketApi.Tests.KnowledgeBase;

/// <summary>How a search or a ticket's text becomes the terms the stores rank (docs/knowledge-base.md, "Search").</summary>
public sealed class SearchTermsTests
{
    [Theory]
    [InlineData("dropping", "drop")]
    [InlineData("drops", "drop")]
    [InlineData("jammed", "jam")]
    [InlineData("printers", "printer")]
    [InlineData("crashes", "crash")]
    [InlineData("batteries", "batter")]
    [InlineData("installed", "install")]
    [InlineData("access", "access")]
    [InlineData("status", "status")]
    [InlineData("speed", "speed")]
    [InlineData("apply", "apply")]
    [InlineData("e42", "e42")]
    public void Common_endings_are_trimmed_only_when_a_stem_of_three_letters_is_left(string word, string stem) =>
        Assert.Equal(stem, SearchTerms.Stem(word));

    [Fact]
    public void Stop_words_and_filler_are_dropped_and_terms_are_kept_once_in_order()
    {
        var terms = SearchTerms.From("Hi, please help: my VPN keeps dropping, the VPN drops again! Thanks");

        Assert.Equal([new SearchTerm("vpn", true), new SearchTerm("drop", true)], terms);
    }

    [Fact]
    public void Short_words_match_whole_and_long_texts_keep_at_most_the_term_cap()
    {
        Assert.Equal([new SearchTerm("pc", false), new SearchTerm("2", false)], SearchTerms.From("pc 2 x"));

        var many = string.Join(' ', Enumerable.Range(0, 100).Select(i => $"word{i}"));
        Assert.Equal(SearchTerms.MaxTerms, SearchTerms.From(many).Count);
        Assert.Empty(SearchTerms.From("!!! ... ???"));
    }
}
