using AgentHost.Chat.Planner.Problems;
using AgentHost.Chat.Planner.State;

namespace AgentHost.Chat.Planner.Intents;

/// <summary>
/// A person describing their own problem: file it for them (title summarised, description their words) and leave
/// category and priority to the triager. Numbers in the words ("model 5530", "floor 12") stay part of the text.
/// </summary>
public sealed class ProblemReportRule : IMessageRule
{
    public PlannerPlan? Match(string original, string text, ConversationState state)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(text);
        if (!ProblemReport.Matches(text))
        {
            return null;
        }

        return PlannerPlan.Run(
            [PlannerToolNames.Call(PlannerToolNames.CreateTicket, ("title", ProblemTitle.From(original)), ("description", ProblemTitle.Description(original)))],
            AnswerStyle.FiledProblem);
    }
}
