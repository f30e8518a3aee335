using System.Text.RegularExpressions;

namespace AgentHost.Chat.Planner.Language;

/// <summary>One part of a compound request, with its own action and ids.</summary>
/// <param name="Text">The normalised words of the clause.</param>
/// <param name="Original">The same span in the person's own spelling (for titles, notes and replies).</param>
/// <param name="Stance">Whether it forbids, excludes or corrects rather than asks.</param>
public sealed record Clause(string Text, string Original, ClauseStance Stance);

/// <summary>
/// Splits "close 1 and reopen 2", "resolve 40 but not 41", "don't close 50, resolve it instead" into clauses. A split
/// happens at "," "and" "but" "then" ";" or a sentence end only where the next words start a new request (a command
/// word, a negation or a correction); "close 30, 31 and 32" stays one clause. Nothing after the first colon is split:
/// that is dictated text ("add a note: checked the cable, and the port").
/// </summary>
public static partial class ClauseSplitter
{
    public static IReadOnlyList<Clause> Split(string original)
    {
        ArgumentNullException.ThrowIfNull(original);
        var colon = original.IndexOf(':', StringComparison.Ordinal);
        var head = colon < 0 ? original : original[..colon];
        var tail = colon < 0 ? "" : original[colon..];

        var clauses = new List<string>();
        var start = 0;
        foreach (Match boundary in Boundary().Matches(head))
        {
            var rest = TextNormalizer.Normalize(head[(boundary.Index + boundary.Length)..]);
            var left = head[start..boundary.Index];
            if (string.IsNullOrWhiteSpace(left) || !Opener().IsMatch(rest))
            {
                continue;
            }

            clauses.Add(left);
            start = boundary.Index + boundary.Length;
        }

        clauses.Add(head[start..] + tail);
        return clauses
            .Select(c => c.Trim().TrimStart(',', ';', '.').TrimEnd(',', ';').Trim())
            .Where(c => c.Length > 0)
            .Select(c =>
            {
                var text = TextNormalizer.Normalize(c);
                return new Clause(text, c, Negation.StanceOf(text));
            })
            .ToList();
    }

    [GeneratedRegex(@"\s*(?:;|\.\s+|,\s*(?:and\s+|but\s+)?(?:then\s+)?|\s+and\s+(?:then\s+)?|\s+but\s+|\s+then\s+|\s+also\s+|\s+plus\s+|\s+(?=(?:except|excluding|apart\s+from|other\s+than)\s+(?:for\s+)?(?:ticket\s+|#)?\d))", RegexOptions.IgnoreCase)]
    private static partial Regex Boundary();

    [GeneratedRegex(@"^(?:please\s+|also\s+|then\s+|and\s+|pls\s+|can\s+you\s+|could\s+you\s+|can\s+u\s+|just\s+)*(?:close|resolve|reopen|re-open|delete|remove|set|make|mark|change|update|rename|add|put|move|escalate|show|list|get|find|count|tell|reply|note|assign|triage|retriage|create|file|log|raise|what|which|who|how\s+many|give|do\s+not|never|not\b|except|excluding|apart\s+from|other\s+than|leave|skip|no\s*,?\s*wait|wait|i\s+meant|i\s+mean|sorry|actually|make\s+that|oops|open\s+(?:ticket|#|\d)|#?\d+\s*(?:instead|too|as\s+well))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Opener();
}
