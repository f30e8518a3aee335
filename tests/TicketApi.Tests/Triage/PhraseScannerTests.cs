using TicketApi.Triage;

namespace TicketApi.Tests.Triage;

/// <summary>
/// The scanner visits only word starts and the first characters of symbol phrases (docs/triage.md, "Speed");
/// these tests hold it to the plain definition: every phrase checked at every position of the text.
/// </summary>
public sealed class PhraseScannerTests
{
    private static readonly PhraseList Words = new("log in", "password*", "vpn", "a", "x", "down", "can't", "10/10", "wi-fi");
    private static readonly PhraseList Symbols = new("!!!", "??", ":)", "€", "$", ".lockbit", "🙂", "é*");
    private static readonly PhraseList Overlapping = new("vp", "vpn tunnel", "pass*", "password reset", "down");

    public static TheoryData<string> Texts =>
    [
        "",
        "a",
        "x",
        "vpn",
        "VPN down",
        "my vpn tunnel is down!!! can't log in?? :) 10/10",
        "passwords, password reset and passwordless: all three",
        "download, lowdown and downtime are not down",
        "a€5 or €5 or 5$ or $5; file.lockbit and x.lockbit2",
        "é ét éa aé 🙂🙂 wi-fi wifi wi-fix",
        "\u00e9log in\u00e9 log inx log in",
        "Log In VPN uppercase text is not lowercased by the scanner",
        "!!!!  ???? :):) ::))",
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public void Scan_finds_what_checking_every_phrase_at_every_position_finds(string text)
    {
        AssertSameAsPlainCheck(new PhraseScanner(Words, Symbols, Overlapping), [Words, Symbols, Overlapping], text);
    }

    [Fact]
    public void Scan_matches_the_plain_check_on_every_labelled_text()
    {
        var lists = new[] { Words, Symbols, Overlapping };
        var scanner = new PhraseScanner(lists);
        foreach (var example in TriageTrainingSet.LoadEmbedded())
        {
            AssertSameAsPlainCheck(scanner, lists, $"{example.Title}\n{example.Description}".ToLowerInvariant());
        }
    }

    private static void AssertSameAsPlainCheck(PhraseScanner scanner, PhraseList[] lists, string text)
    {
        Span<int> starts = stackalloc int[lists.Length];
        Span<int> lengths = stackalloc int[lists.Length];
        Span<int> distinct = stackalloc int[lists.Length];
        scanner.Scan(text, starts, lengths, distinct);
        for (var l = 0; l < lists.Length; l++)
        {
            var (start, length, count) = PlainCheck(lists[l], text);
            Assert.True((start, length, count) == (starts[l], lengths[l], distinct[l]),
                $"list {l} in \"{text}\": expected ({start}, {length}, {count}), scanned ({starts[l]}, {lengths[l]}, {distinct[l]})");
        }
    }

    /// <summary>The definition: the first match in text order (the list's first phrase at a tie), its length, and how many distinct phrases match.</summary>
    private static (int Start, int Length, int Distinct) PlainCheck(PhraseList list, string text)
    {
        var (first, firstLength) = (-1, 0);
        var matched = new HashSet<int>();
        for (var position = 0; position < text.Length; position++)
        {
            for (var p = 0; p < list.Phrases.Length; p++)
            {
                var phrase = list.Phrases[p];
                if (!text.AsSpan(position).StartsWith(phrase, StringComparison.Ordinal))
                {
                    continue;
                }
                var end = position + phrase.Length;
                var startsWord = position == 0 || !char.IsLetterOrDigit(text[position - 1]) || !char.IsLetterOrDigit(phrase[0]);
                var endsWord = list.IsPrefix[p] || end == text.Length || !char.IsLetterOrDigit(text[end]) || !char.IsLetterOrDigit(phrase[^1]);
                if (!startsWord || !endsWord)
                {
                    continue;
                }
                if (first < 0)
                {
                    var wordEnd = end;
                    while (list.IsPrefix[p] && wordEnd < text.Length && char.IsLetterOrDigit(text[wordEnd]))
                    {
                        wordEnd++;
                    }
                    (first, firstLength) = (position, wordEnd - position);
                }
                matched.Add(p);
            }
        }
        return (first, firstLength, matched.Count);
    }
}
