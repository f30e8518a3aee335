using System.Text.RegularExpressions;
using TicketApi.KnowledgeBase.Storage;

namespace TicketApi.KnowledgeBase;

/// <summary>An article ranked for a text: the store's score, and which of the text's terms it holds.</summary>
/// <param name="Score">The store's relevance (bm25 on SQLite, ts_rank_cd on PostgreSQL): orders results, not comparable across stores.</param>
/// <param name="Coverage">Share of the text's salient terms found in the article's title, tags or body (0-1): the same on both stores.</param>
public sealed record ScoredArticle(Article Article, double Score, IReadOnlyList<string> MatchedTerms, double Coverage);

/// <summary>
/// Retrieval for the drafting assistant (docs/knowledge-base.md, "Retrieval"): the articles that best fit a
/// ticket's text, best first, with scores. A long ticket is not required to contain every word: its salient
/// terms are ORed and the store ranks (BM25 / ts_rank_cd weigh rare words and title matches above common
/// words in the body); <see cref="ScoredArticle.Coverage"/> says how much of the ticket an article answers.
/// </summary>
public sealed partial class KnowledgeBaseSearch(ArticleStore store)
{
    public const int DefaultLimit = 5;

    /// <summary>Articles for a ticket: title terms first (they survive the term cap), then the description's.</summary>
    public Task<IReadOnlyList<ScoredArticle>> ForTicketAsync(string title, string? description, int limit, CancellationToken cancellationToken) =>
        SearchAsync(title + "\n" + description, categories: null, limit, cancellationToken);

    public async Task<IReadOnlyList<ScoredArticle>> SearchAsync(
        string text, IReadOnlyList<string>? categories, int limit, CancellationToken cancellationToken)
    {
        var terms = SearchTerms.From(text);
        var ranked = await store.RankAsync(terms, categories, limit, cancellationToken);
        return ranked.Select(r =>
        {
            var (matched, coverage) = Cover(terms, r.Article.Title, r.Article.Tags, r.Article.Body);
            return new ScoredArticle(r.Article, r.Score, matched, coverage);
        }).ToList();
    }

    /// <summary>
    /// <see cref="ScoredArticle.Coverage"/> for an article already in hand (a search result over HTTP carries no
    /// score): which of <paramref name="text"/>'s salient terms its title, tags or body hold, and their share.
    /// </summary>
    public static (IReadOnlyList<string> MatchedTerms, double Coverage) Cover(string text, string title, IEnumerable<string> tags, string body) =>
        Cover(SearchTerms.From(text), title, tags, body);

    private static (IReadOnlyList<string> MatchedTerms, double Coverage) Cover(IReadOnlyList<SearchTerm> terms, string title, IEnumerable<string> tags, string body)
    {
        var words = Words(title, tags, body);
        var matched = terms.Where(t => t.Prefix ? words.Any(w => w.StartsWith(t.Text, StringComparison.Ordinal)) : words.Contains(t.Text))
            .Select(t => t.Text).ToList();
        return (matched, terms.Count == 0 ? 0 : (double)matched.Count / terms.Count);
    }

    private static HashSet<string> Words(string title, IEnumerable<string> tags, string body) =>
        WordPattern().Matches($"{title}\n{string.Join(' ', tags)}\n{body}")
            .Select(m => RemoveMarks(m.Value.ToLowerInvariant())).ToHashSet(StringComparer.Ordinal);

    private static string RemoveMarks(string word) =>
        new(word.Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark).ToArray());

    [GeneratedRegex(@"[\p{L}\p{N}\p{M}]+")]
    private static partial Regex WordPattern();
}
