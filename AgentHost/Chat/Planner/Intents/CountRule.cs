using System.Text.RegularExpressions;
using AgentHost.Chat.Planner.Language;

namespace AgentHost.Chat.Planner.Intents;

/// <summary>"how many open tickets are there?", "count the urgent ones", "number of billing tickets": count_tickets with the filters named.</summary>
public sealed partial class CountRule : IIntentRule
{
    public ClauseIntent? Match(Clause clause, ClauseScope scope)
    {
        ArgumentNullException.ThrowIfNull(clause);
        ArgumentNullException.ThrowIfNull(scope);
        if (!HowMany().IsMatch(clause.Text))
        {
            return null;
        }

        var filters = QueryFilters.Read(clause.Text, clause.Original, scope.State.Now, forCount: true);
        return new ClauseIntent([], null, [new PlannedCall(PlannerToolNames.CountTickets, filters)]);
    }

    [GeneratedRegex(@"\bhow\s+many\b|^(?:please\s+)?count\b|\bnumber\s+of\b|\btotal\s+(?:number|count)\b|\bcount\s+(?:of|the|all|open|closed|resolved|urgent)\b|\bhow\s+much\s+(?:work|backlog)\b|\bbreakdown\b|\bcounts?\s+(?:per|by)\b|\b(?:per|by)\s+status\b")]
    private static partial Regex HowMany();
}
