using System.Text.RegularExpressions;

namespace TicketApi.KnowledgeBase;

/// <summary>
/// The salient words of a search or of a ticket's text (docs/knowledge-base.md, "Search"): words as the
/// stores' tokenizers see them (runs of letters, digits and marks), lower-cased, without English stop words
/// and help-desk filler ("please", "hi", "issue"), with common endings trimmed so that a prefix match finds
/// the other forms ("dropping" -> drop*, "printers" -> printer*, "crashes" -> crash*). The terms are ORed and
/// ranked by the store (BM25 / ts_rank_cd), so a long ticket is matched on its words that matter rather
/// than required to contain every word.
/// </summary>
public static partial class SearchTerms
{
    public const int MaxTerms = 32;

    /// <summary>Shortest trimmed stem, and shortest term matched as a prefix (as ticket search does).</summary>
    private const int MinStem = 3;

    public static IReadOnlyList<SearchTerm> From(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var terms = new List<SearchTerm>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in WordPattern().Matches(text))
        {
            var word = match.Value.ToLowerInvariant();
            if (StopWords.Contains(word) || (word.Length < 2 && !char.IsDigit(word[0])))
            {
                continue;
            }
            var stem = Stem(word);
            if (seen.Add(stem))
            {
                terms.Add(new SearchTerm(stem, stem.Length >= MinStem));
                if (terms.Count == MaxTerms)
                {
                    break;
                }
            }
        }
        return terms;
    }

    /// <summary>
    /// Every salient word of <paramref name="text"/> as its stem, in order, repeats kept and with no cap: what a
    /// learned model reads (the drafter's article model, docs/drafts.md, "Writing a draft: retrieval"), where the
    /// search's 32-term cap would drop the end of a long ticket. Numbers are left out: an order number says nothing
    /// about which article answers a ticket.
    /// </summary>
    public static IEnumerable<string> Stems(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (Match match in WordPattern().Matches(text))
        {
            var word = match.Value.ToLowerInvariant();
            if (StopWords.Contains(word) || word.Length < 2 || word.All(char.IsDigit))
            {
                continue;
            }
            yield return Stem(word);
        }
    }

    /// <summary>Trims an English ending when a stem of three or more letters is left; the prefix match brings the other forms back.</summary>
    internal static string Stem(string word)
    {
        if (word.Any(char.IsDigit))
        {
            return word;
        }
        foreach (var (ending, replacement) in Endings)
        {
            if (word.EndsWith(ending, StringComparison.Ordinal) && word.Length - ending.Length + replacement.Length >= MinStem + 1)
            {
                var stem = word[..^ending.Length] + replacement;
                // dropping -> dropp -> drop, jammed -> jamm -> jam
                if ((ending is "ing" or "ed") && stem.Length > MinStem && stem[^1] == stem[^2] && !"aeioulsz".Contains(stem[^1], StringComparison.Ordinal))
                {
                    stem = stem[..^1];
                }
                return stem;
            }
        }
        return word;
    }

    /// <summary>Checked in order: the first ending that fits is trimmed.</summary>
    private static readonly (string Ending, string Replacement)[] Endings =
    [
        ("ations", ""), ("ation", ""), ("ies", ""), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("xes", "x"),
        ("ing", ""), ("ed", ""), ("ly", ""), ("ss", "ss"), ("us", "us"), ("is", "is"), ("s", ""),
    ];

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "about", "after", "again", "all", "also", "am", "an", "and", "any", "anyone", "are", "as", "at", "be",
        "because", "been", "before", "being", "but", "by", "can", "cannot", "could", "did", "do", "does", "doing",
        "don", "done", "for", "from", "get", "gets", "getting", "got", "had", "has", "have", "having", "he", "her",
        "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is", "isn", "it", "its", "just", "me", "more",
        "my", "myself", "no", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "out",
        "over", "she", "should", "so", "some", "still", "such", "than", "that", "the", "their", "them", "then",
        "there", "these", "they", "this", "those", "to", "too", "under", "until", "up", "us", "very", "was", "wasn",
        "we", "were", "what", "when", "where", "which", "while", "who", "why", "will", "with", "won", "would", "you",
        "your", "yours", "ve", "ll", "re", "im", "dont", "doesn", "didn", "can't", "thanks", "thank", "please",
        "hi", "hello", "hey", "dear", "regards", "cheers", "help", "issue", "problem", "problems", "anything",
        "something", "today", "yesterday", "since", "know", "need", "want", "tried", "try", "seems", "really",
        "keeps", "keep", "though", "even", "ago", "morning", "afternoon", "team", "thing", "things",
    };

    [GeneratedRegex(@"[\p{L}\p{N}\p{M}]+")]
    private static partial Regex WordPattern();
}
