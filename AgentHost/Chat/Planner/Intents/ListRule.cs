using System.Text.RegularExpressions;
using AgentHost.Chat.Planner.Language;

namespace AgentHost.Chat.Planner.Intents;

/// <summary>
/// Queue questions: "which tickets are urgent?", "high priority network tickets", "unhappy customers this week",
/// "tickets not resolved", "the 3 oldest open tickets", "find tickets about the projector": list_tickets with the
/// filters, ordering and page size named. A clause counts as one when it asks (show, list, which...) or names tickets
/// ("tickets", "the open ones"); a label word alone in other words ("it is urgent") does not.
/// </summary>
public sealed partial class ListRule : IIntentRule
{
    public ClauseIntent? Match(Clause clause, ClauseScope scope)
    {
        ArgumentNullException.ThrowIfNull(clause);
        ArgumentNullException.ThrowIfNull(scope);
        var text = clause.Text;
        var asks = Asks().IsMatch(text);
        var namesTickets = Tickets().IsMatch(text);
        var aboutPeople = PeopleByMood().IsMatch(text);
        if (!namesTickets && !aboutPeople && !(asks && QueryFilters.NamesAFilter(text, clause.Original, scope.State.Now)))
        {
            return null;
        }

        var filters = QueryFilters.Read(text, clause.Original, scope.State.Now, forCount: false);
        if (TicketIds.Find(text) is { Count: > 0 } ids)
        {
            filters[TicketApi.Querying.TicketQueryParameters.Keys.IdIn] = ids.ToArray(); // "list tickets 3, 8 and 11"
        }

        return new ClauseIntent([], null, [new PlannedCall(PlannerToolNames.ListTickets, filters)], Explicit: asks || namesTickets);
    }

    // Asking starts the clause (after a greeting or "can you"); "can't get to my email" does not ask for a list.
    [GeneratedRegex(@"^(?:(?:hello|hi|hey)\s*,?\s*|please\s+|can\s+you\s+|could\s+you\s+|can\s+u\s+|pls\s+|so\s+|and\s+)*(?:list|show|find|search|which|what|any|anything|give|display|get|pull|see|view|browse|look\s+for|fetch|are\s+there|is\s+there|do\s+we\s+(?:already\s+)?have)\b")]
    private static partial Regex Asks();

    [GeneratedRegex(@"\b(?:tickets|issues|ones|queue|backlog|cases|incidents|requests|tix)\b|^(?:all\s+)?(?:open|closed|resolved|urgent)$|^everything\b|\b(?:a|any)\s+ticket\s+(?:about|for|on|mentioning|regarding)\b")]
    private static partial Regex Tickets();

    [GeneratedRegex(@"\b(?:unhappy|angry|frustrated|upset|annoyed|furious|dissatisfied|happy|satisfied|pleased|grateful)\s+(?:customers|requesters|users|people|clients|folks)\b|\bcomplaints\b")]
    private static partial Regex PeopleByMood();
}
