namespace TicketApi.Triage;

/// <summary>
/// The one phrase scan per ticket: every rule list and every field's lexicon lists in one
/// <see cref="PhraseScanner"/>, so the text is walked once for all of them rather than once for the rules and
/// once per lexicon (docs/triage.md, "Speed"). A list's matches do not depend on the other lists scanned
/// with it, so the rules and lexicons read exactly what scans of their own would find.
/// </summary>
internal static class TriagePhrases
{
    private static readonly PhraseScanner Scanner = new(
    [
        .. TriageRules.Lists,
        .. GuidelineLexicons.Category.Lists,
        .. GuidelineLexicons.Priority.Lists,
        .. GuidelineLexicons.Sentiment.Lists,
    ]);

    public static int ListCount => Scanner.ListCount;

    public static PhraseMatches Scan(ReadOnlySpan<char> text, Span<int> starts, Span<int> lengths, Span<int> distinct)
    {
        Scanner.Scan(text, starts, lengths, distinct);
        return new PhraseMatches(Scanner, text, starts, lengths, distinct);
    }
}
