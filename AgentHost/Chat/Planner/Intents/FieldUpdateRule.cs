using System.Text.RegularExpressions;
using AgentHost.Chat.Planner.Language;

namespace AgentHost.Chat.Planner.Intents;

/// <summary>
/// Edits of one ticket's fields: "set priority of 12 to urgent", "make 61 high priority", "escalate 64 to urgent",
/// "change the category of 62 to hardware", "rename 65 to ...", "change the description of 4 to ...", "set the
/// requester email of 66 to ...", "the requester of 67 is Tom Becker". update_ticket with just those fields.
/// "update 15" with nothing to change is answered with a question.
/// </summary>
public sealed partial class FieldUpdateRule : IIntentRule
{
    public ClauseIntent? Match(Clause clause, ClauseScope scope)
    {
        ArgumentNullException.ThrowIfNull(clause);
        var text = clause.Text;
        var changes = new Dictionary<string, object?>(StringComparer.Ordinal);

        if (Rename().Match(clause.Original) is { Success: true } rename)
        {
            changes["title"] = Value(rename.Groups["value"].Value);
        }
        else if (Describe().Match(clause.Original) is { Success: true } describe)
        {
            changes["description"] = describe.Groups["value"].Value.Trim().Trim('"', '\'', '“', '”').Trim();
        }
        else if (Requester().Match(clause.Original) is { Success: true } requester)
        {
            var value = Value(requester.Groups["value"].Value);
            if (Email().Match(value) is { Success: true } email)
            {
                // "Maria Lopez, maria.lopez@contoso.com" or "Maria Lopez <maria@...>": both fields.
                changes["requester_email"] = email.Value.Trim('<', '>', '(', ')');
                var name = value.Replace(email.Value, "", StringComparison.Ordinal).Trim().Trim(',', '<', '>', '(', ')', '-').Trim();
                if (name.Length > 0)
                {
                    changes["requester_name"] = name;
                }
            }
            else
            {
                changes[requester.Groups["email"].Success ? "requester_email" : "requester_name"] = value;
            }
        }
        else
        {
            var priorityEdit = PriorityEdit().Match(text);
            var categoryEdit = CategoryEdit().Match(text);
            if (!priorityEdit.Success && !categoryEdit.Success)
            {
                return Vague().IsMatch(text) ? AskWhatToChange(clause, scope) : null;
            }

            if (priorityEdit.Success)
            {
                var value = LabelWords.PriorityValue(priorityEdit.Groups["value"].Value);
                if (value is null)
                {
                    return ClauseIntent.Ask("Which priority should it get: LOW, NORMAL, HIGH or URGENT?");
                }

                changes["priority"] = value;
            }

            if (categoryEdit.Success)
            {
                var value = LabelWords.CategoryValue(categoryEdit.Groups["value"].Value);
                if (value is null)
                {
                    return ClauseIntent.Ask("Which category: ACCOUNT, NETWORK, EMAIL, HARDWARE, SOFTWARE, BILLING or OTHER?");
                }

                changes["category"] = value;
            }
        }

        var ids = TicketReferences.Resolve(HeadOf(clause), scope);
        if (ids.Count == 0)
        {
            return ClauseIntent.Ask($"Which ticket should I change ({string.Join(", ", changes.Keys)})? Give its number, e.g. \"set priority of 12 to urgent\".");
        }

        return ClauseIntent.ForEach(ids, id =>
            new PlannedCall(PlannerToolNames.UpdateTicket, new Dictionary<string, object?>(changes) { ["id"] = id }));
    }

    private static ClauseIntent AskWhatToChange(Clause clause, ClauseScope scope)
    {
        var ids = TicketReferences.Resolve(clause, scope);
        var which = ids.Count > 0 ? $"ticket #{ids[0]}" : "which ticket";
        return ClauseIntent.Ask($"What should I change on {which}: the title, the description, the priority, the category or the requester? " +
                                "Say e.g. \"set priority of 12 to high\".");
    }

    /// <summary>The words before the new value: "rename 65 to Printer 4 jams" names ticket 65, not 4.</summary>
    private static Clause HeadOf(Clause clause)
    {
        var cut = ValueStart().Match(clause.Text);
        return cut.Success ? clause with { Text = clause.Text[..cut.Index] } : clause;
    }

    private static string Value(string text) => text.Trim().TrimStart(':', '-').Trim().Trim('"', '\'', '“', '”').TrimEnd('.').Trim();

    [GeneratedRegex(@"^(?:please\s+)?(?:rename|retitle)\s+(?:ticket\s+|#)?(?:#?\d+|it|that)\s+(?:to|as)\s*:?\s*(?<value>.+)$|\b(?:change|set|update|make)\s+(?:the\s+)?title\s+(?:of\s+)?(?:ticket\s+|#)?(?:#?\d+|it)\s*(?:to|:)\s*(?<value>.+)$|\b(?:change|set|update)\s+(?:ticket\s+)?#?\d+(?:'s)?\s+title\s+(?:to|:)\s*(?<value>.+)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Rename();

    [GeneratedRegex(@"\b(?:change|set|update|replace)\s+(?:the\s+)?description\s+(?:of\s+)?(?:ticket\s+|#)?(?:#?\d+|it)\s*(?:to|with|:)\s*(?<value>.+)$|\b(?:change|set|update)\s+(?:ticket\s+)?#?\d+(?:'s)?\s+description\s+(?:to|:)\s*(?<value>.+)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Describe();

    [GeneratedRegex(@"\b(?:requester|reporter|customer)(?:'s)?\s*(?<email>e-?mail(?:\s+address)?|address)?(?:\s+name)?\s+(?:of|on|for)\s+(?:ticket\s+)?#?\d+\s+(?:to|is|as|should\s+be|must\s+be|=|:)\s*(?<value>.+)$|\b(?:ticket\s+)?#?\d+\s+(?:was\s+)?(?:reported|raised|opened|filed|requested)\s+by\s+(?<value>.+)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Requester();

    [GeneratedRegex(@"[^\s@]+@[^\s@]+\.[a-z]{2,}", RegexOptions.IgnoreCase)]
    private static partial Regex Email();

    [GeneratedRegex(@"\b(?:priority|prio)\b[^.]*?\b(?:to|as|=|:)\s+(?<value>urgent|critical|high|normal|medium|low)\b|\b(?:set|make|mark|change|bump|raise|lower|escalate|upgrade|downgrade|put|move|flag|prioriti[sz]e|update)\b[^.]*?\b(?:to|as|at)?\s*(?<value>urgent|critical|high|normal|medium|low)(?:\s+priority|\s+prio)?\b|\b(?:ticket\s+)?#?\d+\s+(?:is|should\s+be)\s+(?<value>urgent|critical|high\s+priority|low\s+priority)\b|\b(?:escalate|prioriti[sz]e)\b(?<value>)")]
    private static partial Regex PriorityEdit();

    [GeneratedRegex(@"\bcategor(?:y|ies)\b[^.]*?\b(?:to|as|=|:|under|into)\s+(?:the\s+)?(?<value>\w+)|\b(?:move|put|set|change|recategori[sz]e|file|mark|assign|place|classify|categori[sz]e)\b[^.]*?\b(?:to|as|under|into|in)\s+(?:the\s+)?(?<value>account|network|email|hardware|software|billing|other)(?:\s+category|\s+queue)?\b")]
    private static partial Regex CategoryEdit();

    [GeneratedRegex(@"^(?:please\s+)?(?:update|edit|change|modify|amend)\s+(?:ticket\s+|#)?(?:#?\d+|it|that|the\s+ticket|the\s+priority|the\s+category|priority|category)\s*(?:please)?$|^(?:please\s+)?(?:change|set|update)\s+(?:the\s+)?(?:priority|category)(?:\s+(?:of|on|for)\s+(?:it|that|the\s+ticket))?\s*$")]
    private static partial Regex Vague();

    [GeneratedRegex(@"\s(?:to|as|is|=|:)\s")]
    private static partial Regex ValueStart();
}
