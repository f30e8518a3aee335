using System.Globalization;
using System.Text.RegularExpressions;
using AgentHost.Tickets;
using AgentHost.Tools;
using Microsoft.Extensions.AI;
using TicketApi.Contracts;
using TicketApi.Tickets;

namespace AssistantEval;

/// <summary>
/// Turns a set's <c>context</c> sentence into the earlier turn it describes, written exactly as the chat pipeline
/// records a turn (the user's words, the planner's tool calls, the tools' results, the answer), so the assistant
/// meets the same structured state it would have left itself. Templates:
/// "today is Saturday 2026-11-21" (nothing to add: the clock already says so),
/// "assistant just filed ticket N (...) and asked ...", "assistant just listed [open printer] tickets a, b and c",
/// "assistant just showed ticket N[, status S]". Any other context adds a plain earlier exchange with no tools.
/// </summary>
internal sealed partial class ContextTurns(ITicketService tickets)
{
    public async Task<List<ChatMessage>> BuildAsync(string? context, CancellationToken cancellationToken)
    {
        if (context is null || Today().IsMatch(context))
        {
            return [];
        }

        var filed = Filed().Match(context);
        if (filed.Success)
        {
            var id = Id(filed.Groups["id"].Value);
            var summary = filed.Groups["what"].Success ? filed.Groups["what"].Value.Trim() : "A problem reported in chat";
            var ticket = await RequireAsync(tickets.UpdateAsync(id, new TicketChanges(summary, summary, null), cancellationToken));
            return Exchange(summary, TicketToolCatalogue.CreateTicket,
                new Dictionary<string, object?> { ["title"] = summary, ["description"] = summary },
                TicketToolResult.Success($"Created ticket #{ticket.Id} '{ticket.Title}' ({TicketStatuses.ToWire(ticket.ResolutionStatus)}).", ticket),
                $"I filed ticket #{ticket.Id}. {AskedPart(context)}");
        }

        var listed = Listed().Match(context);
        if (listed.Success)
        {
            var ids = Numbers().Matches(listed.Groups["ids"].Value).Select(m => Id(m.Value)).ToList();
            var briefs = new List<TicketBrief>();
            foreach (var id in ids)
            {
                briefs.Add(TicketBrief.From(await RequireAsync(tickets.GetAsync(id, cancellationToken))));
            }

            var data = new TicketListData(briefs.Count, 1, false, briefs);
            return Exchange($"list {listed.Groups["what"].Value.Trim()} tickets", TicketToolCatalogue.ListTickets,
                new Dictionary<string, object?>(), TicketToolResult.Success(Listing(briefs), data), Listing(briefs));
        }

        var shown = Shown().Match(context);
        if (shown.Success)
        {
            var id = Id(shown.Groups["id"].Value);
            var ticket = await RequireAsync(tickets.GetAsync(id, cancellationToken));
            if (shown.Groups["status"].Success && TicketStatuses.TryParse(shown.Groups["status"].Value, out var wanted))
            {
                ticket = await MoveToAsync(ticket, wanted, cancellationToken);
            }

            return Exchange($"show ticket {id}", TicketToolCatalogue.GetTicket, new Dictionary<string, object?> { ["id"] = id },
                TicketToolResult.Success(Detail(ticket), ticket), Detail(ticket));
        }

        // Not a template: an earlier exchange with no tools, so the session is not empty.
        return [new ChatMessage(ChatRole.User, "hello"), new ChatMessage(ChatRole.Assistant, "Hello! How can I help with your tickets?")];
    }

    /// <summary>Walks the lifecycle to the wanted status (OPEN -> RESOLVED -> CLOSED, RESOLVED -> OPEN) where it can.</summary>
    private async Task<TicketDto> MoveToAsync(TicketDto ticket, TicketStatus wanted, CancellationToken cancellationToken)
    {
        TicketStatus[] path = (ticket.ResolutionStatus, wanted) switch
        {
            (var from, var to) when from == to => [],
            (TicketStatus.Open, TicketStatus.Closed) => [TicketStatus.Resolved, TicketStatus.Closed],
            // CLOSED is final; an earlier line may have closed it. The expected calls do not depend on the state.
            (TicketStatus.Closed, _) => [],
            (_, var to) => [to],
        };
        foreach (var status in path)
        {
            ticket = await RequireAsync(tickets.SetStatusAsync(ticket.Id, status, cancellationToken));
        }

        return ticket;
    }

    private static List<ChatMessage> Exchange(string userText, string tool, Dictionary<string, object?> arguments, TicketToolResult result, string answer)
    {
        var callId = "call_context_" + tool;
        return
        [
            new ChatMessage(ChatRole.User, userText),
            new ChatMessage(ChatRole.Assistant, [new FunctionCallContent(callId, tool, arguments)]),
            new ChatMessage(ChatRole.Tool, [new FunctionResultContent(callId, result)]),
            new ChatMessage(ChatRole.Assistant, answer),
        ];
    }

    private static string Listing(List<TicketBrief> briefs) =>
        string.Join("\n", briefs.Select(b => $"#{b.Id} {b.Title} ({TicketStatuses.ToWire(b.ResolutionStatus)})"));

    private static string Detail(TicketDto ticket) =>
        $"Ticket #{ticket.Id} '{ticket.Title}' is {TicketStatuses.ToWire(ticket.ResolutionStatus)}.";

    private static string AskedPart(string context)
    {
        var at = context.IndexOf("asked", StringComparison.OrdinalIgnoreCase);
        return at < 0 ? "" : "I " + context[at..] + ".";
    }

    private static async Task<TicketDto> RequireAsync(Task<TicketApiResult<TicketDto>> call)
    {
        var result = await call;
        return result.Value ?? throw new InvalidOperationException($"Setting up the context failed: {result.Problem?.Message}");
    }

    private static long Id(string digits) => long.Parse(digits, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\s*today is", RegexOptions.IgnoreCase)]
    private static partial Regex Today();

    [GeneratedRegex(@"filed ticket #?(?<id>\d+)(?:\s*\((?<what>[^)]*)\))?", RegexOptions.IgnoreCase)]
    private static partial Regex Filed();

    [GeneratedRegex(@"listed\s+(?<what>.*?)\s*tickets?\s+(?<ids>#?\d+(?:\s*(?:,|and|,\s*and)\s*#?\d+)*)", RegexOptions.IgnoreCase)]
    private static partial Regex Listed();

    [GeneratedRegex(@"show(?:ed|n)\s+ticket\s+#?(?<id>\d+)(?:\s*,?\s*(?:status\s+)?(?<status>OPEN|RESOLVED|CLOSED)\b)?", RegexOptions.IgnoreCase)]
    private static partial Regex Shown();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Numbers();
}
