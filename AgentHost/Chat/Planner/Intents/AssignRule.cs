using System.Text.RegularExpressions;
using AgentHost.Chat.Planner.Language;
using AgentHost.Tools;
using TicketApi.Querying;

namespace AgentHost.Chat.Planner.Intents;

/// <summary>
/// Assignment (docs/offline-assistant.md; docs/accounts.md, "Assignment"): "assign 12 to me", "assign ticket 12 to
/// sam@example.com", "unassign 12": assign_ticket per ticket; "show my queue", "what's assigned to me": list_tickets
/// with assignee=me (the chat's person, read where the query runs).
/// </summary>
public sealed partial class AssignRule : IIntentRule
{
    public ClauseIntent? Match(Clause clause, ClauseScope scope)
    {
        ArgumentNullException.ThrowIfNull(clause);
        var text = clause.Text;
        if (MyQueue().IsMatch(text) && TicketIds.Find(text).Count == 0)
        {
            return new ClauseIntent([], null,
                [PlannerToolNames.Call(PlannerToolNames.ListTickets, (TicketQueryParameters.Keys.Assignee, AssigneeFilter.Me))]);
        }

        string target;
        if (Unassign().IsMatch(text))
        {
            target = TicketTools.Nobody;
        }
        else if (Assign().Match(text) is { Success: true } assign)
        {
            target = Target().Match(assign.Groups["rest"].Value) is { Success: true } named ? named.Value : "";
            if (target.Length == 0)
            {
                return ClauseIntent.Ask("Who should I assign it to? Say \"to me\" or give an agent's email address, e.g. \"assign 12 to sam@example.com\".");
            }
        }
        else
        {
            return null;
        }

        var ids = TicketReferences.Resolve(clause, scope);
        return ids.Count == 0
            ? ClauseIntent.Ask("Which ticket should I assign? Give its number, e.g. \"assign 12 to me\".")
            : ClauseIntent.ForEach(ids, id => PlannerToolNames.Call(PlannerToolNames.AssignTicket, ("id", id), ("assignee", target)));
    }

    [GeneratedRegex(@"\b(?:my\s+queue|assigned\s+to\s+me|my\s+assigned\s+tickets)\b")]
    private static partial Regex MyQueue();

    [GeneratedRegex(@"\b(?:unassign|un-assign|take\s+me\s+off)\b")]
    private static partial Regex Unassign();

    [GeneratedRegex(@"\b(?:re)?assign\b(?<rest>.*)$")]
    private static partial Regex Assign();

    /// <summary>Who, after "to": me, myself, an email address.</summary>
    [GeneratedRegex(@"(?<=\bto\s+)(?:me\b|[^\s@,;]+@[^\s@,;]+\.[a-z]{2,}\b)")]
    private static partial Regex Target();
}
