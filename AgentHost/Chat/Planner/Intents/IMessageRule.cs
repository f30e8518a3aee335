using AgentHost.Chat.Planner.State;

namespace AgentHost.Chat.Planner.Intents;

/// <summary>A rule about the whole message rather than one clause (a yes, small talk, a ticket to file, a follow-up answer).</summary>
public interface IMessageRule
{
    /// <param name="original">The message as typed.</param>
    /// <param name="text">Its normalised reading.</param>
    PlannerPlan? Match(string original, string text, ConversationState state);
}
