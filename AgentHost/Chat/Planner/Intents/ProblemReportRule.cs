using AgentHost.Chat.Planner.Problems;
using AgentHost.Chat.Planner.State;

namespace AgentHost.Chat.Planner.Intents;

/// <summary>
/// A person describing their own problem: file it for them (title summarised, description their words) and leave
/// category and priority to the triager. Numbers in the words ("model 5530", "floor 12") stay part of the text.
/// </summary>
public sealed partial class ProblemReportRule : IMessageRule
{
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:ticket|tkt)\s+(?:number\s+|no\.?\s*)?#?\d+|#\d+")]
    private static partial System.Text.RegularExpressions.Regex NamesATicket();

    public PlannerPlan? Match(string original, string text, ConversationState state)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(text);
        // "ticket 18 isn't a network problem" is about a ticket, not a new problem: ask rather than file a duplicate.
        if (!ProblemReport.Matches(text) || NamesATicket().IsMatch(text))
        {
            return null;
        }

        return PlannerPlan.Run(
            [PlannerToolNames.Call(PlannerToolNames.CreateTicket, ("title", ProblemTitle.From(original)), ("description", ProblemTitle.Description(original)))],
            AnswerStyle.FiledProblem);
    }
}
