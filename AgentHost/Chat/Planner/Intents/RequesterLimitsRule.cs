using System.Text.RegularExpressions;
using AgentHost.Chat.Planner.State;

namespace AgentHost.Chat.Planner.Intents;

/// <summary>
/// A requester asking to delete, close, resolve, reopen, triage, assign or edit tickets ("delete all tickets", "close
/// ticket 12"): a polite refusal that says what they can do instead, before any tool is planned. Their tools could not
/// do it anyway (docs/tools.md, "Who is offered which tools"); this is the answer, not the guard.
/// </summary>
public sealed partial class RequesterLimitsRule : IMessageRule
{
    public PlannerPlan? Match(string original, string text, ConversationState state)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(state);
        return state.ForRequester && StaffAction().IsMatch(text) ? PlannerPlan.Answer(PlannerReplies.StaffOnly) : null;
    }

    [GeneratedRegex(@"^(?:(?:hi|hello|hey)\s*,?\s*)?(?:please\s+|can\s+you\s+|could\s+you\s+|i\s+want\s+(?:you\s+)?to\s+|go\s+ahead\s+and\s+|as\s+admin\s*,?\s*)*(?:delete|remove|erase|wipe|purge|close|resolve|reopen|triage|re-?triage|assign|reassign|edit|rename|change|set|mark)\b")]
    private static partial Regex StaffAction();
}
