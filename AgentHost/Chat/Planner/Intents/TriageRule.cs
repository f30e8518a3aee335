using System.Text.RegularExpressions;
using AgentHost.Chat.Planner.Language;

namespace AgentHost.Chat.Planner.Intents;

/// <summary>"retriage 73", "run triage again on ticket 74": triage_ticket per ticket (fields a person set are kept).</summary>
public sealed partial class TriageRule : IIntentRule
{
    public ClauseIntent? Match(Clause clause, ClauseScope scope)
    {
        ArgumentNullException.ThrowIfNull(clause);
        if (!Triage().IsMatch(clause.Text))
        {
            return null;
        }

        var ids = TicketReferences.Resolve(clause, scope);
        return ids.Count == 0
            ? ClauseIntent.Ask("Which ticket should I triage again? Give its number, e.g. \"retriage 12\".")
            : ClauseIntent.ForEach(ids, id => PlannerToolNames.Call(PlannerToolNames.TriageTicket, ("id", id)));
    }

    [GeneratedRegex(@"\b(?:re-?triage|triage|re-?assess)\b")]
    private static partial Regex Triage();
}
