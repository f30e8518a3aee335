using System.Text.RegularExpressions;
using AgentHost.Chat.Planner.State;

namespace AgentHost.Chat.Planner.Intents;

/// <summary>"yes" / "no" after a delete confirmation question. The question lives as structured session state; with
/// none pending, "yes" is answered with what to say instead.</summary>
public sealed partial class ConfirmationRule : IMessageRule
{
    public PlannerPlan? Match(string original, string text, ConversationState state)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Yes().IsMatch(text))
        {
            return new PlannerPlan(PlanKind.Confirm, []);
        }

        return No().IsMatch(text) ? new PlannerPlan(PlanKind.Deny, []) : null;
    }

    [GeneratedRegex(@"^(?:y|yes|yep|yeah|yup|sure|ok|okay|confirm|confirmed|i\s+confirm|do\s+it|go\s+ahead|please\s+do|delete\s+it|yes,?\s+delete(?:\s+it)?|yes,?\s+please(?:\s+delete\s+it)?|yes,?\s+do\s+it|yes,?\s+i\s+am\s+sure|i\s+am\s+sure)[.!]*$")]
    private static partial Regex Yes();

    [GeneratedRegex(@"^(?:n|no|nope|cancel|stop|do\s+not|never\s*mind|keep\s+it|no,?\s+(?:keep\s+it|do\s+not|cancel|thanks))[.!]*$")]
    private static partial Regex No();
}
