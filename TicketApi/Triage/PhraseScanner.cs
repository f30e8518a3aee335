using System.Buffers;

namespace TicketApi.Triage;

/// <summary>
/// Finds the phrases of several <see cref="PhraseList"/>s in one vectorised pass over a text
/// (<see cref="SearchValues{T}"/> of strings, then a check of the phrases starting with the character
/// found). One scan per ticket for all rules and one per lexicon keeps triage well under 0.1 ms and
/// allocates nothing but the quoted phrases.
/// </summary>
internal sealed class PhraseScanner
{
    /// <summary>Most phrases one scanner holds; the per-scan "seen" flags live on the stack.</summary>
    private const int MaxPhrases = 2048;

    private readonly Dictionary<PhraseList, int> listIndex = new(ReferenceEqualityComparer.Instance);
    private readonly string[] phrases;
    private readonly bool[] isPrefix;
    private readonly int[] listOf;
    private readonly SearchValues<string> anyPhrase;
    private readonly int[][] startingWith; // ASCII first character -> phrase indexes, in list order
    private readonly int[] startingOther;  // phrases whose first character is not ASCII (emoji, €)

    public PhraseScanner(params PhraseList[] lists)
    {
        ArgumentNullException.ThrowIfNull(lists);
        var allPhrases = new List<string>();
        var allPrefix = new List<bool>();
        var allLists = new List<int>();
        for (var l = 0; l < lists.Length; l++)
        {
            listIndex.Add(lists[l], l);
            for (var p = 0; p < lists[l].Phrases.Length; p++)
            {
                allPhrases.Add(lists[l].Phrases[p]);
                allPrefix.Add(lists[l].IsPrefix[p]);
                allLists.Add(l);
            }
        }
        if (allPhrases.Count > MaxPhrases)
        {
            throw new ArgumentException($"A scanner holds at most {MaxPhrases} phrases.", nameof(lists));
        }
        ListCount = lists.Length;
        phrases = [.. allPhrases];
        isPrefix = [.. allPrefix];
        listOf = [.. allLists];
        anyPhrase = SearchValues.Create([.. new HashSet<string>(phrases, StringComparer.Ordinal)], StringComparison.Ordinal);

        var buckets = new List<int>?[128];
        var other = new List<int>();
        for (var i = 0; i < phrases.Length; i++)
        {
            var first = phrases[i][0];
            if (first < 128)
            {
                (buckets[first] ??= []).Add(i);
            }
            else
            {
                other.Add(i);
            }
        }
        startingWith = new int[128][];
        for (var c = 0; c < 128; c++)
        {
            startingWith[c] = buckets[c]?.ToArray() ?? [];
        }
        startingOther = [.. other];
    }

    public int ListCount { get; }

    public int IndexOf(PhraseList list) => listIndex[list];

    /// <summary>
    /// Scans the text once. Per list: where its first match (in text order) starts and how long it is
    /// (-1 when none), and how many of its distinct phrases occur.
    /// </summary>
    public void Scan(ReadOnlySpan<char> text, Span<int> firstStart, Span<int> firstLength, Span<int> distinct)
    {
        firstStart.Fill(-1);
        firstLength.Clear();
        distinct.Clear();
        Span<bool> seen = stackalloc bool[phrases.Length];
        var from = 0;
        while (from < text.Length)
        {
            var offset = text[from..].IndexOfAny(anyPhrase);
            if (offset < 0)
            {
                break;
            }
            var start = from + offset;
            from = start + 1;
            foreach (var p in text[start] < 128 ? startingWith[text[start]] : startingOther)
            {
                if (!MatchesAt(text, start, p))
                {
                    continue;
                }
                var list = listOf[p];
                if (firstStart[list] < 0)
                {
                    firstStart[list] = start;
                    firstLength[list] = isPrefix[p] ? WordEnd(text, start + phrases[p].Length) - start : phrases[p].Length;
                }
                if (!seen[p])
                {
                    seen[p] = true;
                    distinct[list]++;
                }
            }
        }
    }

    private bool MatchesAt(ReadOnlySpan<char> text, int start, int p)
    {
        var phrase = phrases[p];
        if (!text[start..].StartsWith(phrase, StringComparison.Ordinal))
        {
            return false;
        }
        var end = start + phrase.Length;
        var startsWord = start == 0 || !IsWordChar(text[start - 1]) || !IsWordChar(phrase[0]);
        var endsWord = isPrefix[p] || end == text.Length || !IsWordChar(text[end]) || !IsWordChar(phrase[^1]);
        return startsWord && endsWord;
    }

    private static int WordEnd(ReadOnlySpan<char> text, int from)
    {
        while (from < text.Length && IsWordChar(text[from]))
        {
            from++;
        }
        return from;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c);
}

/// <summary>What one <see cref="PhraseScanner.Scan"/> found, read per list.</summary>
internal readonly ref struct PhraseMatches(PhraseScanner scanner, ReadOnlySpan<char> text, ReadOnlySpan<int> firstStart, ReadOnlySpan<int> firstLength)
{
    private readonly ReadOnlySpan<char> text = text;
    private readonly ReadOnlySpan<int> firstStart = firstStart;
    private readonly ReadOnlySpan<int> firstLength = firstLength;

    public bool Contains(PhraseList list) => firstStart[scanner.IndexOf(list)] >= 0;

    /// <summary>The list's first phrase in the text, as written there (lowercased).</summary>
    public bool TryFind(PhraseList list, out string phrase)
    {
        var l = scanner.IndexOf(list);
        phrase = firstStart[l] >= 0 ? text.Slice(firstStart[l], firstLength[l]).ToString() : "";
        return firstStart[l] >= 0;
    }
}
