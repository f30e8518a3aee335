namespace TicketApi.Triage;

/// <summary>
/// A list of lowercase phrases found at word boundaries in a <see cref="TicketText"/>. A phrase ending in
/// <c>*</c> also matches longer words ("frustrat*" finds "frustrating"); others must end at a boundary,
/// so "down" does not fire on "download". Searching spans allocates nothing.
/// </summary>
internal sealed class PhraseList
{
    private readonly string[] phrases;
    private readonly bool[] prefixOnly;

    public PhraseList(params string[] phrases)
    {
        this.phrases = new string[phrases.Length];
        prefixOnly = new bool[phrases.Length];
        for (var i = 0; i < phrases.Length; i++)
        {
            prefixOnly[i] = phrases[i].EndsWith('*');
            this.phrases[i] = phrases[i].TrimEnd('*');
        }
    }

    public bool Contains(ReadOnlySpan<char> text) => IndexOfFirst(text, out _) >= 0;

    /// <summary>How many of the listed phrases occur at least once.</summary>
    public int CountDistinct(ReadOnlySpan<char> text)
    {
        var count = 0;
        for (var p = 0; p < phrases.Length; p++)
        {
            count += IndexOf(text, p, out _) >= 0 ? 1 : 0;
        }
        return count;
    }

    /// <summary>The first listed phrase that occurs, as the requester wrote it would be quoted.</summary>
    public bool TryFind(ReadOnlySpan<char> text, out string phrase)
    {
        var index = IndexOfFirst(text, out var length);
        phrase = index >= 0 ? text.Slice(index, length).ToString() : "";
        return index >= 0;
    }

    private int IndexOfFirst(ReadOnlySpan<char> text, out int length)
    {
        for (var p = 0; p < phrases.Length; p++)
        {
            var index = IndexOf(text, p, out length);
            if (index >= 0)
            {
                return index;
            }
        }
        length = 0;
        return -1;
    }

    private int IndexOf(ReadOnlySpan<char> text, int p, out int length)
    {
        var phrase = phrases[p];
        var from = 0;
        while (from < text.Length)
        {
            var found = text[from..].IndexOf(phrase, StringComparison.Ordinal);
            if (found < 0)
            {
                break;
            }
            var start = from + found;
            var end = start + phrase.Length;
            var startsWord = start == 0 || !IsWordChar(text[start - 1]) || !IsWordChar(phrase[0]);
            var endsWord = prefixOnly[p] || end == text.Length || !IsWordChar(text[end]) || !IsWordChar(phrase[^1]);
            if (startsWord && endsWord)
            {
                length = prefixOnly[p] ? WordEnd(text, end) - start : phrase.Length;
                return start;
            }
            from = start + 1;
        }
        length = 0;
        return -1;
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
