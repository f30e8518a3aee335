using System.Text.RegularExpressions;
using AgentHost.Chat.Planner.Language;

namespace AgentHost.Chat.Planner.Intents;

/// <summary>
/// "draft a reply to 12", "write a response for ticket 12", "prepare an answer to #12": <c>draft_reply</c> for the
/// ticket (docs/offline-assistant.md, "Drafts"). Without a number, the ticket in focus; failing that, a question.
/// Tried before the dictated reply: "draft a reply to 12 that apologises" asks for a draft, not a message saying "apologises".
/// </summary>
public sealed partial class DraftReplyRule : IIntentRule
{
    public ClauseIntent? Match(Clause clause, ClauseScope scope)
    {
        ArgumentNullException.ThrowIfNull(clause);
        ArgumentNullException.ThrowIfNull(scope);
        var match = Draft().Match(clause.Text);
        if (!match.Success)
        {
            return null;
        }

        // "draft 12": the number right after the verb is the ticket, though "draft" is no command word elsewhere.
        var ids = match.Groups["id"].Success ? [long.Parse(match.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture)] : TicketReferences.Resolve(clause, scope);
        if (ids.Count == 0 && scope.State.Focus is { } focus)
        {
            ids = [focus];
        }

        return ids.Count == 0
            ? ClauseIntent.Ask("Which ticket should I draft a reply to? Give its number, e.g. \"draft a reply to 12\".")
            : ClauseIntent.ForEach(ids.Take(1).ToList(), id => PlannerToolNames.Call(PlannerToolNames.DraftReply, ("id", id)), AnswerStyle.Draft);
    }

    [GeneratedRegex(@"^(?:(?:please|pls|can\s+you|could\s+you|would\s+you|now|ok|okay)\s+)*(?:draft|write|prepare|compose|suggest|propose|come\s+up\s+with)\s+(?:me\s+|us\s+)?(?:a\s+|an\s+|the\s+)?(?:new\s+|fresh\s+|first\s+)?(?:reply|response|answer|draft)\b|^(?:(?:please|pls|can\s+you|could\s+you)\s+)*draft\s+(?:ticket\s+|#)?(?<id>\d{1,18})\b|^(?:(?:please|pls|can\s+you|could\s+you)\s+)*draft\s+(?:it|one)\b")]
    private static partial Regex Draft();
}
