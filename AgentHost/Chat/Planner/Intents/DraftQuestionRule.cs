using System.Text.RegularExpressions;
using AgentHost.Chat.Planner.Language;

namespace AgentHost.Chat.Planner.Intents;

/// <summary>
/// Questions the current draft answers: "what should the technician do on 12?" (its tech instructions) and "is 12
/// solved or does it need follow-up?" (its solution status and questions). Both read the draft with <c>get_draft</c>;
/// when the ticket has none, the planner drafts one (<c>draft_reply</c>) and answers from that.
/// </summary>
public sealed partial class DraftQuestionRule : IIntentRule
{
    public ClauseIntent? Match(Clause clause, ClauseScope scope)
    {
        ArgumentNullException.ThrowIfNull(clause);
        ArgumentNullException.ThrowIfNull(scope);
        var style = Tech().IsMatch(clause.Text) ? AnswerStyle.TechInstructions
            : FollowUp().IsMatch(clause.Text) ? AnswerStyle.SolutionStatus
            : (AnswerStyle?)null;
        if (style is not { } answer)
        {
            return null;
        }

        var ids = TicketReferences.Resolve(clause, scope);
        if (ids.Count == 0 && (scope.State.Drafted ?? scope.State.Focus) is { } current)
        {
            ids = [current];
        }

        return ids.Count == 0
            ? ClauseIntent.Ask(answer == AnswerStyle.TechInstructions
                ? "Which ticket do you mean? Say e.g. \"what should the technician do on 12?\"."
                : "Which ticket do you mean? Say e.g. \"is 12 solved or does it need follow-up?\".")
            : ClauseIntent.ForEach(ids.Take(1).ToList(), id => PlannerToolNames.Call(PlannerToolNames.GetDraft, ("id", id)), answer);
    }

    [GeneratedRegex(@"\bwhat\s+(?:should|do|does|must|can)\s+(?:the\s+|our\s+|a\s+)?(?:tech|techs|technician|technicians|engineer|agent|staff|support|it\s+team|we|i)\s+(?:do|check|try)\b|\btech(?:nician)?(?:'s|s)?\s+(?:instructions|notes|steps|guidance)\b|\bhow\s+(?:do|should|can|would)\s+(?:we|i|the\s+(?:tech|technician|engineer|agent))\s+(?:fix|solve|handle|resolve|approach|tackle)\b")]
    private static partial Regex Tech();

    [GeneratedRegex(@"\b(?:need|needs|require|requires)\s+(?:a\s+|any\s+|more\s+)?(?:follow[\s-]?ups?|more\s+info(?:rmation)?|more\s+questions)\b|\bsolved\s+or\b|\bsolution\s+status\b|\b(?:is|will)\s+the\s+(?:draft|reply)\s+(?:final|solve|fix)\b")]
    private static partial Regex FollowUp();
}
