using System.Text.RegularExpressions;
using AgentHost.Chat.Planner.Language;

namespace AgentHost.Chat.Planner.Intents;

/// <summary>
/// "make it more formal", "shorter please", "friendlier", "add more detail about the VPN client": <c>draft_reply</c>
/// with the words as the instruction, on the ticket of the session's latest draft (not the ticket in focus: looking
/// at another ticket in between does not move the draft). A ticket named in the clause wins. With no draft in the
/// session the planner says how to start one instead of guessing.
/// </summary>
public sealed partial class DraftRefineRule : IIntentRule
{
    public ClauseIntent? Match(Clause clause, ClauseScope scope)
    {
        ArgumentNullException.ThrowIfNull(clause);
        ArgumentNullException.ThrowIfNull(scope);
        if (!Refine().IsMatch(clause.Text))
        {
            return null;
        }

        var named = TicketIds.Find(clause.Text);
        long? ticket = named.Count > 0 ? named[0] : scope.State.Drafted;
        if (ticket is not { } id)
        {
            return ClauseIntent.Ask("There is no draft in this conversation yet. Which ticket should I draft a reply to? Say e.g. \"draft a reply to 12\", then how to change it.");
        }

        var instruction = clause.Original.Trim().TrimEnd('.', '!', '?').Trim();
        return ClauseIntent.ForEach([id], ticketId => PlannerToolNames.Call(PlannerToolNames.DraftReply, ("id", ticketId), ("instruction", instruction)), AnswerStyle.Draft);
    }

    [GeneratedRegex(@"^(?:(?:please|pls|can\s+you|could\s+you|ok|okay|now|and|also)\s+)*(?:(?:make|rewrite|redo|rephrase|reword)\s+(?:it|that|this|the\s+(?:draft|reply|response|answer)(?:\s+(?:to|for|on)\s+(?:ticket\s+)?#?\d+)?)\s*(?:to\s+be\s+|in\s+a\s+)?)?(?:(?:a\s+)?(?:bit|little|lot|much|way)\s+)?(?:(?:more|less)\s+(?:formal|friendly|polite|concise|detailed|casual|personal|professional|technical|empathetic|direct|warm)|shorter|longer|friendlier|warmer|simpler|briefer|politer|clearer|formal|concise)\b(?:\s+(?:please|tone|version))*$|^(?:(?:please|pls|can\s+you|could\s+you|and|also)\s+)*(?:add|include|give)\s+(?:more\s+|some\s+)?(?:detail|details|steps|information|info)\s+(?:about|on|for)\s+\S.*$")]
    private static partial Regex Refine();
}
