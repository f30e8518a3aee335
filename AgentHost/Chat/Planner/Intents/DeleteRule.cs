using System.Text.RegularExpressions;
using AgentHost.Chat.Planner.Language;

namespace AgentHost.Chat.Planner.Intents;

/// <summary>
/// "delete ticket 33", "get rid of #120", "delete it": look the ticket up and ask to confirm; nothing is deleted in
/// this turn. One ticket at a time: "delete all the closed tickets" is answered with a question.
/// </summary>
public sealed partial class DeleteRule : IIntentRule
{
    public ClauseIntent? Match(Clause clause, ClauseScope scope)
    {
        ArgumentNullException.ThrowIfNull(clause);
        if (!Delete().IsMatch(clause.Text))
        {
            return null;
        }

        var ids = TicketReferences.Resolve(clause, scope);
        if (ids.Count > 1 && Duplicate().IsMatch(clause.Text))
        {
            ids = [ids[0]]; // "remove 99, it's a duplicate of 98": 98 is the one that stays
        }

        if (ids.Count != 1 || Bulk().IsMatch(clause.Text))
        {
            return ClauseIntent.Ask("Which one ticket should I delete? I delete one ticket at a time, after you confirm: say e.g. \"delete ticket 12\".");
        }

        return new ClauseIntent(ids, null, [], Deletes: true);
    }

    [GeneratedRegex(@"\b(?:delete|remove|erase|destroy|purge|get\s+rid\s+of|trash|bin|wipe|nuke|scrap|drop)\b")]
    private static partial Regex Delete();

    [GeneratedRegex(@"\b(?:duplicate\s+of|dupe\s+of|same\s+as|copy\s+of)\b")]
    private static partial Regex Duplicate();


    [GeneratedRegex(@"\b(?:all|every|everything|tickets)\b")]
    private static partial Regex Bulk();
}
