using System.Globalization;
using System.Text.RegularExpressions;
using AgentHost.Chat.Planner.State;

namespace AgentHost.Chat.Planner.Intents;

/// <summary>
/// The answer to "Did that fix it?" right after self-service steps were offered (docs/offline-assistant.md,
/// "Self-service"). "yes" / "that fixed it" / "it works now": resolve the ticket, then note that the requester solved
/// it with the article. "no" / "still broken" / "it did not fix it": a note listing what was tried, and the ticket stays
/// open for an agent. Negations are read first, so "it is not working" is a no. Anything else (a new problem, a
/// command) is left to the other rules, and the offer lapses.
/// </summary>
public sealed partial class SelfServiceAnswerRule : IMessageRule
{
    public PlannerPlan? Match(string original, string text, ConversationState state)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(text);
        if (state?.Offered is not { } offer)
        {
            return null;
        }

        var bare = text.Trim();
        if (NotFixed().IsMatch(bare))
        {
            return PlannerPlan.Run(
                [PlannerToolNames.Call(PlannerToolNames.AddMessage, ("ticket_id", offer.TicketId), ("kind", "note"), ("body", TriedNote(offer, original)))],
                AnswerStyle.SelfServiceNotFixed);
        }

        return Fixed().IsMatch(bare)
            ? PlannerPlan.Run([PlannerToolNames.Call(PlannerToolNames.SetTicketStatus, ("id", offer.TicketId), ("status", "RESOLVED"))], AnswerStyle.SelfServiceFixed)
            : null;
    }

    /// <summary>The note that records a self-service resolution (added after the ticket is resolved).</summary>
    public static string ResolvedNote(OfferedFix offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        return string.Create(CultureInfo.InvariantCulture, $"Resolved by the requester through self-service with article #{offer.ArticleId} {offer.ArticleTitle}.");
    }

    /// <summary>What the agent picking the ticket up needs: which article, which steps, and the requester's own answer.</summary>
    public static string TriedNote(OfferedFix offer, string answer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(answer);
        var steps = string.Join("\n", offer.Steps.Select((step, i) => string.Create(CultureInfo.InvariantCulture, $"{i + 1}. {step}")));
        return string.Create(CultureInfo.InvariantCulture,
            $"Self-service did not fix it. Offered in the chat: article #{offer.ArticleId} {offer.ArticleTitle}; the requester tried:\n{steps}\nTheir answer: \"{answer.Trim()}\"");
    }

    [GeneratedRegex(@"^(?:no|nope|nah|negative)\b|\b(?:did|does|do|has|have|is|was)\s+not\s+(?:fix|help|work|solve|change|do\s+anything)|\bnot\s+(?:fixed|working|solved|resolved|really|yet|quite)\b|\bstill\s+(?:broken|not|failing|the\s+same|happening|there|dropping|crashing|down|bad|an?\s+(?:issue|problem))\b|\bno\s+(?:luck|change|difference|joy)\b|\bnothing\s+(?:helped|worked|changed)\b|\bsame\s+(?:problem|issue|thing)\b|\b(?:did|does)\s+nothing\b")]
    private static partial Regex NotFixed();

    [GeneratedRegex(@"^(?:yes|yep|yeah|yup|yay|it\s+did|that\s+did|it\s+worked|that\s+worked)\b|\b(?:fixed|solved|sorted|resolved)\b|\b(?:works|working|worked)\b|\bthat\s+did\s+it\b|\ball\s+good\b|\bback\s+to\s+normal\b")]
    private static partial Regex Fixed();
}
