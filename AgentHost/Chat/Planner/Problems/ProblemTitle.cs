using System.Text.RegularExpressions;

namespace AgentHost.Chat.Planner.Problems;

/// <summary>
/// A ticket title summarised from a person's own words: their first statement of the problem, without greetings,
/// pleas or lead-ins, cut at a word boundary to at most 80 characters, capitalised. The description keeps every word.
/// </summary>
public static partial class ProblemTitle
{
    public const int MaxLength = 80;

    public static string From(string words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var text = Spaces().Replace(words.Trim(), " ");
        text = LeadIn().Replace(text, "");
        var clause = ClauseEnd().Split(text, 2)[0].Trim().TrimEnd('.', '!', '?', ':', ';', ',', '-').Trim();
        clause = Owner().Replace(clause, "");
        if (clause.Length < 8)
        {
            clause = text.TrimEnd('.', '!', '?').Trim();
        }

        if (clause.Length > MaxLength)
        {
            var cut = clause.LastIndexOf(' ', MaxLength);
            clause = clause[..(cut > 20 ? cut : MaxLength)].TrimEnd(',', ';', ' ');
        }

        clause = Acronyms().Replace(clause, m => m.Value.ToUpperInvariant());
        return clause.Length == 0 ? "Problem reported in chat" : char.ToUpperInvariant(clause[0]) + clause[1..];
    }

    /// <summary>The person's words as the description: everything, as one sentence at least.</summary>
    public static string Description(string words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var text = words.Trim();
        if (text.Length == 0)
        {
            return text;
        }

        text = char.ToUpperInvariant(text[0]) + text[1..];
        return text.EndsWith('.') || text.EndsWith('!') || text.EndsWith('?') ? text : text + ".";
    }

    [GeneratedRegex(@"^(?:(?:hi|hello|hey|good\s+(?:morning|afternoon|evening)|dear\s+\w+|hi\s+team|hello\s+team|so|um+|uh+|ok|okay|help|urgent|please\s+help|help\s+me|i\s+have\s+a\s+problem|i\s+have\s+an\s+issue|quick\s+question|question|fyi|sorry\s+to\s+bother)[\s,!:.\-]*)+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadIn();

    // The first statement ends at a sentence end, a comma, a dash, or where an explanation or a plea starts.
    [GeneratedRegex(@"(?:[.!?;]\s|,|\s-\s|\s–\s|\s+(?:and\s+it|it\s+has|it's|it\s+is|which|since|because|but|please\s+help|can\s+you\s+help|thanks|thank\s+you)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex ClauseEnd();

    // "The printer jams" and "my printer jams" are both titled "Printer jams".
    [GeneratedRegex(@"^(?:the|a|an|my|our)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Owner();

    [GeneratedRegex(@"\b(?:vpn|mfa|2fa|pc|dns|sso|vat|hr|pdf|usb|ssd)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Acronyms();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
