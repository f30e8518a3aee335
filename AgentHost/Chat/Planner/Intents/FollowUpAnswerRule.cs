using AgentHost.Chat.Planner.State;

namespace AgentHost.Chat.Planner.Intents;

/// <summary>
/// Right after the planner filed a problem and asked for missing facts, what the person says next (unless it is a
/// command of its own) is their answer: it goes onto that ticket as a <c>customer</c> message, in their words.
/// "Asset tag 3381" is an answer, not ticket 3381.
/// </summary>
public sealed class FollowUpAnswerRule : IMessageRule
{
    public PlannerPlan? Match(string original, string text, ConversationState state)
    {
        ArgumentNullException.ThrowIfNull(original);
        if (state?.Collecting is not { } filed || original.Trim().Length == 0)
        {
            return null;
        }

        // "what's the weather tomorrow?" mid-session is not an answer about the problem: leave it to the fallbacks.
        if (original.TrimEnd().EndsWith('?') && !Problems.ProblemReport.Matches(text ?? ""))
        {
            return null;
        }

        return PlannerPlan.Run(
            [PlannerToolNames.Call(PlannerToolNames.AddMessage, ("ticket_id", filed.TicketId), ("kind", "customer"), ("body", original.Trim()))],
            AnswerStyle.AddedAnswer);
    }
}
