using AgentHost.Chat.Planner.Drafts;
using AgentHost.Chat.Planner.Intents;
using AgentHost.Chat.Planner.SelfService;
using AgentHost.Chat.Planner.State;

namespace AgentHost.Chat.Planner;

/// <summary>
/// Plans that take more than one round of tool calls, each decided by the results before it (docs/offline-assistant.md):
/// a filed problem reads the best article when the search matched well (self-service); a question about a draft
/// drafts one when the ticket has none; "that fixed it" adds the self-service note once the ticket is resolved.
/// Each round is the planner's own decision from structured results, so a stored session replays the same way.
/// </summary>
public static class PlannerRounds
{
    /// <summary>The styles whose answer this class phrases from every call of the turn, not only the planned ones.</summary>
    public static bool Phrases(AnswerStyle style) => style is AnswerStyle.FiledProblem or AnswerStyle.Draft or AnswerStyle.TechInstructions
        or AnswerStyle.SolutionStatus or AnswerStyle.SelfServiceFixed or AnswerStyle.SelfServiceNotFixed;

    /// <summary>The next round's calls, or null when the turn has what it needs.</summary>
    public static IReadOnlyList<PlannedCall>? Next(PlannerPlan plan, IReadOnlyList<(PlannedCall Call, ToolResultView Result)> made, ConversationState state)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(made);
        ArgumentNullException.ThrowIfNull(state);
        switch (plan.Style)
        {
            case AnswerStyle.FiledProblem
                when Last(made, PlannerToolNames.CreateTicket) is { Result.Ok: true }
                     && Last(made, PlannerToolNames.SearchArticles) is { } search
                     && Last(made, PlannerToolNames.GetArticle) is null
                     && ArticleMatch.Best(search.Result, Text(search.Call, "query")) is { } article:
                return [PlannerToolNames.Call(PlannerToolNames.GetArticle, ("id", article))];

            case AnswerStyle.TechInstructions or AnswerStyle.SolutionStatus
                when made.All(m => m.Call.Tool == PlannerToolNames.GetDraft) && made.Count > 0 && !made[^1].Result.Ok
                     && Id(made[^1].Call) is { } id:
                // No current draft (or it could not be read): make one, and answer from it.
                return [PlannerToolNames.Call(PlannerToolNames.DraftReply, ("id", id))];

            case AnswerStyle.SelfServiceFixed
                when state.Offered is { } offer && Last(made, PlannerToolNames.SetTicketStatus) is { Result.Ok: true }
                     && Last(made, PlannerToolNames.AddMessage) is null:
                // Resolved first, then recorded: a ticket that could not be resolved gets no note saying it was.
                return [PlannerToolNames.Call(PlannerToolNames.AddMessage, ("ticket_id", offer.TicketId), ("kind", "note"), ("body", SelfServiceAnswerRule.ResolvedNote(offer)))];

            default:
                return null;
        }
    }

    public static string Phrase(PlannerPlan plan, IReadOnlyList<(PlannedCall Call, ToolResultView Result)> made, ConversationState state)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(made);
        ArgumentNullException.ThrowIfNull(state);
        if (made.Count == 0)
        {
            return "";
        }

        return plan.Style switch
        {
            AnswerStyle.FiledProblem => Filed(made),
            AnswerStyle.Draft or AnswerStyle.TechInstructions or AnswerStyle.SolutionStatus => Drafted(plan.Style, made),
            AnswerStyle.SelfServiceFixed when state.Offered is { } offer => made.FirstOrDefault(m => !m.Result.Ok) is { Result: { } failed }
                ? failed.Summary
                : SelfServiceAnswers.Fixed(offer),
            AnswerStyle.SelfServiceNotFixed when state.Offered is { } offer => made[^1].Result.Ok ? SelfServiceAnswers.NotFixed(offer) : made[^1].Result.Summary,
            _ => string.Join("\n", made.Select(m => m.Result.Summary)),
        };
    }

    private static string Filed(IReadOnlyList<(PlannedCall Call, ToolResultView Result)> made)
    {
        if (Last(made, PlannerToolNames.CreateTicket) is not { Result: { Ok: true, Ticket: { } ticket } })
        {
            return Last(made, PlannerToolNames.CreateTicket)?.Result.Summary ?? made[0].Result.Summary;
        }

        if (Last(made, PlannerToolNames.GetArticle) is { Result: { Ok: true } article }
            && article.Data.TryGetProperty("customer_safe_steps", out var body)
            && ArticleSteps.First(body.GetString() ?? "") is { Count: > 0 } steps)
        {
            return SelfServiceAnswers.Offer(ticket, article.Data.GetProperty("id").GetInt64(), article.Data.GetProperty("title").GetString() ?? "", steps);
        }

        return PlannerAnswers.Filed(ticket);
    }

    private static string Drafted(AnswerStyle style, IReadOnlyList<(PlannedCall Call, ToolResultView Result)> made)
    {
        var last = made[^1];
        if (Id(last.Call) is not { } id || DraftView.From(last.Result, id) is not { } draft)
        {
            return last.Result.Summary;
        }

        return style switch
        {
            AnswerStyle.TechInstructions => DraftAnswers.TechInstructions(draft),
            AnswerStyle.SolutionStatus => DraftAnswers.SolutionStatus(draft),
            _ => DraftAnswers.Draft(draft),
        };
    }

    private static (PlannedCall Call, ToolResultView Result)? Last(IReadOnlyList<(PlannedCall Call, ToolResultView Result)> made, string tool) =>
        made.LastOrDefault(m => m.Call.Tool == tool) is { Call: not null } found ? found : null;

    private static string Text(PlannedCall call, string name) =>
        call.Arguments.TryGetValue(name, out var value) ? value?.ToString() ?? "" : "";

    private static long? Id(PlannedCall call) =>
        (call.Arguments.TryGetValue("id", out var value) || call.Arguments.TryGetValue("ticket_id", out value)) ? value switch
        {
            long l => l,
            int n => n,
            System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Number } j => j.GetInt64(),
            _ => null,
        } : null;
}
