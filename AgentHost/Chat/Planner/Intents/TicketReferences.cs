using System.Text.RegularExpressions;
using AgentHost.Chat.Planner.Language;

namespace AgentHost.Chat.Planner.Intents;

/// <summary>
/// The tickets a clause points at: ids it names, else "it" / "that one" / "this ticket" (an earlier clause's ticket,
/// else the session's focus), "the first one" / "the second" / "the last one" / "all of them" / "both" (the last list).
/// </summary>
public static partial class TicketReferences
{
    public static IReadOnlyList<long> Resolve(Clause clause, ClauseScope scope)
    {
        ArgumentNullException.ThrowIfNull(clause);
        ArgumentNullException.ThrowIfNull(scope);
        var ids = TicketIds.Find(clause.Text);
        if (ids.Count > 0)
        {
            return ids;
        }

        var listed = scope.State.Listed;
        if (Ordinal().Match(clause.Text) is { Success: true } ordinal && listed.Count > 0)
        {
            var index = ordinal.Groups["which"].Value switch
            {
                "first" or "1st" or "top" => 0,
                "second" or "2nd" => 1,
                "third" or "3rd" => 2,
                "fourth" or "4th" => 3,
                "fifth" or "5th" => 4,
                _ => listed.Count - 1, // last, bottom
            };
            return index < listed.Count ? [listed[index]] : [];
        }

        if (AllOfThem().IsMatch(clause.Text) && listed.Count > 0)
        {
            return listed;
        }

        if (Pronoun().IsMatch(clause.Text))
        {
            if (scope.EarlierIds.Count > 0)
            {
                return scope.EarlierIds;
            }

            if (scope.State.Focus is { } focus)
            {
                return [focus];
            }

            if (scope.State.Collecting is { } filed)
            {
                return [filed.TicketId];
            }
        }

        return [];
    }

    /// <summary>True when the clause points at a ticket without naming it ("it", "the first one"), whether or not that resolves.</summary>
    public static bool PointsAtSome(string text) => Pronoun().IsMatch(text) || Ordinal().IsMatch(text) || AllOfThem().IsMatch(text);

    [GeneratedRegex(@"\b(?:the\s+)?(?<which>first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|last|bottom|top)\s+(?:one|ticket|of\s+them|item|on\s+the\s+list)\b|\b(?<which>first|second|third|last)\s+ticket\b|^(?:the\s+)?(?<which>first|second|third|last)$")]
    private static partial Regex Ordinal();

    [GeneratedRegex(@"\b(?:all\s+(?:\d+\s+)?of\s+them|all\s+of\s+those|them\s+all|all\s+those|all\s+these|both(?:\s+of\s+them)?|those\s+(?:\d+|tickets)|these\s+(?:\d+|tickets)|them)\b")]
    private static partial Regex AllOfThem();

    [GeneratedRegex(@"\b(?:it|that\s+one|this\s+one|that\s+ticket|this\s+ticket|the\s+ticket|same\s+ticket|that|this)\b")]
    private static partial Regex Pronoun();
}
