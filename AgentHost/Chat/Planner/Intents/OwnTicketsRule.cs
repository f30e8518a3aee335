using System.Text.RegularExpressions;
using AgentHost.Chat.Planner.Language;
using AgentHost.Chat.Planner.State;

namespace AgentHost.Chat.Planner.Intents;

/// <summary>
/// A requester following their own tickets: "what's the status of my tickets?", "show my tickets", "any update on my
/// ticket?", and "list everyone's tickets" (answered with their own, saying that is all they may see). One
/// list_tickets call with no filter: the ticket service narrows it to the person (docs/accounts.md, "Visibility").
/// Staff are left to the other rules ("my tickets" will mean assigned to me there).
/// </summary>
public sealed partial class OwnTicketsRule : IMessageRule
{
    public PlannerPlan? Match(string original, string text, ConversationState state)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(state);
        if (!state.ForRequester || TicketIds.Find(text).Count > 0)
        {
            return null;
        }
        var style = Everyones().IsMatch(text) ? AnswerStyle.OwnTicketsOnly
            : Mine().IsMatch(text) && Follows().IsMatch(text) ? AnswerStyle.OwnTickets
            : (AnswerStyle?)null;
        return style is { } chosen
            ? PlannerPlan.Run([new PlannedCall(PlannerToolNames.ListTickets, new Dictionary<string, object?>(StringComparer.Ordinal))], chosen)
            : null;
    }

    [GeneratedRegex(@"\bmy\s+(?:(?:open|current|last|latest|support|recent)\s+)?(?:tickets?|requests?|issues?|cases?|reports?)\b")]
    private static partial Regex Mine();

    // Asking about them, not telling a new problem ("my ticket printer is broken" is not a status question).
    [GeneratedRegex(@"^(?:(?:hi|hello|hey)\s*,?\s*)?(?:please\s+|can\s+you\s+|could\s+you\s+)?(?:show|list|see|view|check|what|how|any|is\s+there|are\s+there|where|status|update|give|get|tell)\b|\b(?:status|update|updates|news|progress)\b")]
    private static partial Regex Follows();

    [GeneratedRegex(@"\b(?:everyone|everybody|other\s+people|others|all\s+(?:the\s+)?users|all\s+customers)'?s?\s+(?:tickets|requests|issues)\b|\b(?:all|every)\s+(?:the\s+)?tickets\b|\bevery\s+ticket\b")]
    private static partial Regex Everyones();
}
