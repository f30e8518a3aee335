using System.Text.RegularExpressions;
using AgentHost.Chat.Planner.Language;

namespace AgentHost.Chat.Planner.Intents;

/// <summary>"close 12", "resolve 8 and 9", "reopen #7", "mark 26 as done", "close the first one": set_ticket_status per ticket.</summary>
public sealed partial class StatusChangeRule : IIntentRule
{
    public ClauseIntent? Match(Clause clause, ClauseScope scope)
    {
        ArgumentNullException.ThrowIfNull(clause);
        var status = Target(clause.Text);
        if (status is null)
        {
            return null;
        }

        var ids = TicketReferences.Resolve(clause, scope);
        if (ids.Count > 1 && EitherOr().IsMatch(clause.Text))
        {
            return ClauseIntent.Ask($"Which one should I set to {status}: {string.Join(" or ", ids.Select(i => $"#{i}"))}?");
        }

        if (ids.Count == 0)
        {
            return ClauseIntent.Ask($"Which ticket should I set to {status}? Give its number, e.g. \"{Verb(status)} ticket 12\".");
        }

        return ClauseIntent.ForEach(ids, id => PlannerToolNames.Call(PlannerToolNames.SetTicketStatus, ("id", id), ("status", status)));
    }

    /// <summary>The status a clause asks for, or null when it asks for no status change.</summary>
    public static string? Target(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Reopen().IsMatch(text))
        {
            return "OPEN";
        }

        if (Close().IsMatch(text))
        {
            return "CLOSED";
        }

        return Resolve().IsMatch(text) ? "RESOLVED" : null;
    }

    private static string Verb(string status) => status switch
    {
        "OPEN" => "reopen",
        "CLOSED" => "close",
        _ => "resolve",
    };

    // "close 4 or 5, not sure which": a choice the person has not made.
    [GeneratedRegex(@"#?\d+\s+or\s+(?:ticket\s+)?#?\d+|\bnot\s+sure\s+which\b|\beither\b")]
    private static partial Regex EitherOr();

    [GeneratedRegex(@"\b(?:re-?open(?:ed)?|unresolve|un-resolve|open\s+(?:ticket\s+|it\s+|#)?#?\d*\s*(?:up\s+)?again|open\s+(?:it|them|that|ticket\s+#?\d+|#?\d+)\s+(?:back\s+up|back|up\s+again)|(?:set|mark|move|change|put|switch)\b.*\b(?:to|as|back\s+to)\s+open)\b|^open\s+(?:ticket\s+)?#?\d+$")]
    private static partial Regex Reopen();

    [GeneratedRegex(@"^(?:please\s+|pls\s+|can\s+you\s+|could\s+you\s+|can\s+u\s+|and\s+|then\s+|also\s+|now\s+|just\s+|ok\s+(?:now\s+)?|okay\s+(?:now\s+)?)*(?:close|shut)\b|\b(?:close|shut)\s+(?:out\s+|down\s+)?(?:ticket|tickets|#|\d|it\b|them\b|the\s+(?:first|second|third|last|ticket)|that|this|both|all)|\b(?:set|mark|move|change|put|switch)\b.*\b(?:to|as)\s+closed\b|\bmark\s+(?:ticket\s+)?#?\d+\s+(?:as\s+)?closed\b|\b#?\d+\s+(?:can|should)\s+be\s+closed\b")]
    private static partial Regex Close();

    [GeneratedRegex(@"^(?:please\s+|pls\s+|can\s+you\s+|could\s+you\s+|can\s+u\s+|and\s+|then\s+|also\s+|now\s+|just\s+|ok\s+(?:now\s+)?|okay\s+(?:now\s+)?)*(?:resolve|solve)\b|\b(?:resolve|solve)\s+(?:ticket|tickets|#|\d|it\b|them\b|the\s+(?:first|second|third|last|ticket)|that|this|both|all)|\b(?:set|mark|move|change|put|switch)\b.*\b(?:to|as)\s+(?:resolved|fixed|solved|done|complete|completed)\b|\b(?:ticket\s+)?#?\d+\s+(?:is|was|has\s+been)\s+(?:resolved|fixed|solved|done|sorted)\b|\bmark\s+(?:ticket\s+)?(?:#?\d+|it|that)\s+(?:as\s+)?(?:resolved|fixed|solved|done)\b")]
    private static partial Regex Resolve();
}
