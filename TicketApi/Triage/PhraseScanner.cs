namespace TicketApi.Triage;

/// <summary>
/// Finds the phrases of several <see cref="PhraseList"/>s in one pass over a text. A phrase that begins
/// with a letter or digit can only match where a word begins, so the pass visits word starts and checks
/// only the phrases filed under the word's first two characters; the few phrases that begin otherwise
/// ("!!!", ":)", "€") are checked wherever their first character occurs. At each position the candidates
/// are checked in list order, so the first match of a list is the same as a plain check of every phrase
/// at every position would find. One scan per ticket for all rules and one per lexicon allocates nothing
/// (docs/triage.md, "Speed").
/// </summary>
internal sealed class PhraseScanner
{
    /// <summary>Most phrases one scanner holds; the per-scan "seen" flags live on the stack.</summary>
    private const int MaxPhrases = 2048;

    /// <summary>Second characters are filed as a-z, 0-9 or "anything else" (including the end of the text).</summary>
    private const int SecondCodes = 37;

    private readonly Dictionary<PhraseList, int> listIndex = new(ReferenceEqualityComparer.Instance);
    private readonly string[] phrases;
    private readonly bool[] isPrefix;
    private readonly int[] listOf;
    private readonly ulong[] prefixKey;  // a phrase's first four characters, packed as in Window
    private readonly ulong[] prefixMask; // which of those bits count (shorter phrases have fewer)
    private readonly int[]?[] startingWord;  // ASCII letter or digit × second-character code -> phrase indexes, in list order
    private readonly int[][] startingSymbol; // other ASCII first character -> phrase indexes, in list order
    private readonly int[] startingOther;    // phrases whose first character is not ASCII (emoji, €)

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
        prefixKey = new ulong[phrases.Length];
        prefixMask = new ulong[phrases.Length];
        for (var i = 0; i < phrases.Length; i++)
        {
            var prefix = phrases[i].AsSpan(0, Math.Min(4, phrases[i].Length));
            prefixKey[i] = Window(prefix, 0);
            prefixMask[i] = prefix.Length == 4 ? ulong.MaxValue : (1UL << (16 * prefix.Length)) - 1;
        }

        var words = new List<int>?[128 * SecondCodes];
        var symbols = new List<int>?[128];
        var other = new List<int>();
        for (var i = 0; i < phrases.Length; i++)
        {
            var first = phrases[i][0];
            if (first >= 128)
            {
                other.Add(i);
            }
            else if (!char.IsAsciiLetterOrDigit(first))
            {
                (symbols[first] ??= []).Add(i);
            }
            else if (phrases[i].Length == 1)
            {
                for (var code = 0; code < SecondCodes; code++)
                {
                    (words[(first * SecondCodes) + code] ??= []).Add(i);
                }
            }
            else
            {
                (words[(first * SecondCodes) + SecondCode(phrases[i][1])] ??= []).Add(i);
            }
        }
        startingWord = new int[]?[words.Length];
        for (var k = 0; k < words.Length; k++)
        {
            startingWord[k] = words[k]?.ToArray();
        }
        startingSymbol = new int[128][];
        for (var c = 0; c < 128; c++)
        {
            startingSymbol[c] = symbols[c]?.ToArray() ?? [];
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
        for (var start = 0; start < text.Length; start++)
        {
            var c = text[start];
            int[]? candidates;
            if (c >= 128)
            {
                candidates = startingOther;
            }
            else if (!char.IsAsciiLetterOrDigit(c))
            {
                candidates = startingSymbol[c];
            }
            else if (start == 0 || !IsWordChar(text[start - 1]))
            {
                candidates = startingWord[(c * SecondCodes) + (start + 1 < text.Length ? SecondCode(text[start + 1]) : SecondCodes - 1)];
            }
            else
            {
                continue; // inside a word: no phrase starting with a letter or digit can begin here
            }
            if (candidates is null)
            {
                continue;
            }
            // Most candidates differ from the text within four characters: one integer comparison rules them out.
            var window = Window(text, start);
            foreach (var p in candidates)
            {
                if ((window & prefixMask[p]) != prefixKey[p] || !MatchesAt(text, start, p))
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

    /// <summary>The (up to) four characters from <paramref name="start"/>, 16 bits each, the first lowest.</summary>
    private static ulong Window(ReadOnlySpan<char> text, int start)
    {
        var window = 0UL;
        var end = Math.Min(text.Length, start + 4);
        for (var i = start; i < end; i++)
        {
            window |= (ulong)text[i] << (16 * (i - start));
        }
        return window;
    }

    private static int SecondCode(char c) => c switch
    {
        >= 'a' and <= 'z' => c - 'a',
        >= '0' and <= '9' => 26 + (c - '0'),
        _ => SecondCodes - 1,
    };

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
internal readonly ref struct PhraseMatches(PhraseScanner scanner, ReadOnlySpan<char> text, ReadOnlySpan<int> firstStart, ReadOnlySpan<int> firstLength, ReadOnlySpan<int> distinct)
{
    private readonly ReadOnlySpan<char> text = text;
    private readonly ReadOnlySpan<int> firstStart = firstStart;
    private readonly ReadOnlySpan<int> firstLength = firstLength;
    private readonly ReadOnlySpan<int> distinct = distinct;

    public bool Contains(PhraseList list) => firstStart[scanner.IndexOf(list)] >= 0;

    /// <summary>Where the list's first phrase in the text starts (-1: none) and how long it is.</summary>
    public (int Start, int Length) First(PhraseList list)
    {
        var l = scanner.IndexOf(list);
        return (firstStart[l], firstLength[l]);
    }

    /// <summary>How many of the list's distinct phrases occur in the text.</summary>
    public int Distinct(PhraseList list) => distinct[scanner.IndexOf(list)];

    /// <summary>The list's first phrase in the text, as written there (lowercased).</summary>
    public bool TryFind(PhraseList list, out string phrase)
    {
        var l = scanner.IndexOf(list);
        phrase = firstStart[l] >= 0 ? text.Slice(firstStart[l], firstLength[l]).ToString() : "";
        return firstStart[l] >= 0;
    }
}
