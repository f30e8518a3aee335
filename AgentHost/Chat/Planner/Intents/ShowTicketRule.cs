using System.Text.RegularExpressions;
using AgentHost.Chat.Planner.Language;

namespace AgentHost.Chat.Planner.Intents;

/// <summary>"show ticket 45", "status of #12", "pull up 77", "show 10 and 11", "who reported 12?": get_ticket per ticket.</summary>
public sealed partial class ShowTicketRule : IIntentRule
{
    public ClauseIntent? Match(Clause clause, ClauseScope scope)
    {
        ArgumentNullException.ThrowIfNull(clause);
        var who = Who().IsMatch(clause.Text);
        var named = TicketIds.Find(clause.Text);
        if (!who && !Show().IsMatch(clause.Text) && !(named.Count > 0 && Bare().IsMatch(clause.Text)))
        {
            return null;
        }

        var ids = TicketReferences.Resolve(clause, scope);
        if (ids.Count == 0)
        {
            // "show me the open ones" is a list, not a look-up: leave it to the list rule.
            return who || TicketReferences.PointsAtSome(clause.Text) && !Plural().IsMatch(clause.Text)
                ? ClauseIntent.Ask("Which ticket do you mean? Give its number, e.g. \"show ticket 12\".")
                : null;
        }

        return ClauseIntent.ForEach(ids, id => PlannerToolNames.Call(PlannerToolNames.GetTicket, ("id", id)),
            who ? AnswerStyle.Requester : AnswerStyle.Summaries);
    }

    [GeneratedRegex(@"\bwho\s+(?:reported|opened|raised|filed|logged|submitted|created|sent|wrote|asked|is\s+(?:the\s+)?(?:requester|reporter|customer)|requested)\b|\b(?:requester|reporter)\s+(?:of|on|for)\b|\bwho\s+is\s+behind\b")]
    private static partial Regex Who();

    [GeneratedRegex(@"\b(?:show|get|view|display|see|look\s+up|lookup|look\s+at|pull\s+up|bring\s+up|open\s+up|details?|status|info|information|tell\s+me\s+about|what\s+is|what\s+about|describe|fetch|check|read|going\s+on\s+with|happening\s+with|update\s+on|news\s+on)\b|^(?:is|was|has|did|does)\b|#\d+")]
    private static partial Regex Show();

    [GeneratedRegex(@"^(?:and\s+|also\s+|please\s+)*(?:ticket\s+|#)?\d+(?:\s*(?:,|and|&)\s*(?:ticket\s+|#)?\d+)*(?:\s+please)?$")]
    private static partial Regex Bare();

    [GeneratedRegex(@"\b(?:ones|tickets|issues|all)\b")]
    private static partial Regex Plural();
}
