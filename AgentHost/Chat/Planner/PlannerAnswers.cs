using AgentHost.Chat.Planner.Problems;
using AgentHost.Chat.Planner.State;
using TicketApi.Contracts;

namespace AgentHost.Chat.Planner;

/// <summary>Puts the results of a plan's calls into words, in the plan's <see cref="AnswerStyle"/>.</summary>
public static class PlannerAnswers
{
    public static string Phrase(PlannerPlan plan, IReadOnlyList<(PlannedCall Call, ToolResultView Result)> results)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(results);
        var shown = results.Where(r => plan.DeleteId is null || r.Call.Tool != PlannerToolNames.GetTicket || Id(r.Call) != plan.DeleteId).ToList();
        var lines = shown.Select(r => plan.Style switch
        {
            AnswerStyle.FiledProblem when r.Call.Tool == PlannerToolNames.CreateTicket && r.Result is { Ok: true, Ticket: { } t } => Filed(t),
            AnswerStyle.AddedAnswer when r.Result.Ok => $"Thanks, I added that to ticket #{Id(r.Call)} as your message, so the team sees it.",
            AnswerStyle.Requester when r.Result is { Ok: true, Ticket: { } t } => Requester(t),
            AnswerStyle.OwnTickets or AnswerStyle.OwnTicketsOnly when r.Result.Ok => OwnTickets(plan.Style, r.Result),
            _ => r.Result.Summary,
        });
        return string.Join("\n", lines);
    }

    /// <summary>The number, the triaged category and priority, and a question for each fact still missing.</summary>
    public static string Filed(TicketDto ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var missing = ProblemFacts.Missing(ticket.Description);
        var head = $"I filed ticket #{ticket.Id} '{ticket.Title}': category {ticket.Category}, priority {ticket.Priority}.";
        return missing.Count == 0
            ? head + " The team will pick it up from here."
            : head + " To help the team, please tell me: " + string.Join(" ", missing.Select(ProblemFacts.Question));
    }

    /// <summary>A requester's own tickets, in the list's words, or that there are none yet.</summary>
    private static string OwnTickets(AnswerStyle style, ToolResultView result)
    {
        var only = style == AnswerStyle.OwnTicketsOnly ? "I can only show you your own tickets, not other people's. " : "";
        return result.ListedIds.Count == 0
            ? only + "You have no tickets with the support desk yet. Tell me what is wrong and I will file one."
            : only + "Your tickets: " + result.Summary;
    }

    private static string Requester(TicketDto ticket) => (ticket.RequesterName, ticket.RequesterEmail) switch
    {
        ({ Length: > 0 } name, { Length: > 0 } email) => $"Ticket #{ticket.Id} '{ticket.Title}' was reported by {name} <{email}>.",
        ({ Length: > 0 } name, _) => $"Ticket #{ticket.Id} '{ticket.Title}' was reported by {name}.",
        (_, { Length: > 0 } email) => $"Ticket #{ticket.Id} '{ticket.Title}' was reported by {email}.",
        _ => $"Ticket #{ticket.Id} '{ticket.Title}' has no requester recorded.",
    };

    private static long? Id(PlannedCall call) =>
        (call.Arguments.TryGetValue("id", out var value) || call.Arguments.TryGetValue("ticket_id", out value)) && value is long id ? id : null;
}
