using AgentHost.Chat.Sessions;
using AgentHost.Tools;
using Microsoft.Extensions.AI;

namespace AgentHost.Chat.Planner.State;

/// <summary>
/// Derives <see cref="ConversationState"/> from the history before the current message and the chat options.
/// Walks earlier turns newest first: the latest list gives <see cref="ConversationState.Listed"/>, the latest call
/// on one ticket gives <see cref="ConversationState.Focus"/>; a filed problem is still collecting answers while every
/// turn since it only added the person's answers to it.
/// </summary>
public static class ConversationStateReader
{
    public static ConversationState Read(IReadOnlyList<ChatMessage> history, ChatOptions? options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(history);
        var turns = Turns(history);
        long? focus = null;
        IReadOnlyList<long>? listed = null;
        FiledProblem? collecting = null;
        var stillCollecting = true;

        for (var i = turns.Count - 1; i >= 0 && (focus is null || listed is null || stillCollecting); i--)
        {
            var calls = turns[i];
            if (calls.Count == 0)
            {
                stillCollecting = false;
                continue;
            }

            if (stillCollecting)
            {
                var filed = calls.FirstOrDefault(c => c.Call.Name == TicketToolCatalogue.CreateTicket && c.Result is { Ok: true, Ticket: not null });
                if (filed?.Result?.Ticket is { } ticket)
                {
                    collecting = new FiledProblem(ticket.Id, Text(filed.Call, "description") ?? ticket.Description);
                    stillCollecting = false;
                }
                else if (!calls.All(c => c.Call.Name == PlannerToolNames.AddMessage && Text(c.Call, "kind") == "customer"))
                {
                    stillCollecting = false;
                }
            }

            if (listed is null && calls.LastOrDefault(c => c.Call.Name == TicketToolCatalogue.ListTickets && c.Result is { Ok: true }) is { Result: { } list })
            {
                listed = list.ListedIds;
            }

            if (focus is null)
            {
                var single = calls.Select(c => c.Result?.Ticket?.Id ?? Id(c.Call)).Where(id => id is not null).Distinct().ToList();
                if (single.Count == 1 && calls.All(c => c.Call.Name != TicketToolCatalogue.ListTickets))
                {
                    focus = single[0];
                }
            }
        }

        // A list answers "it" when it showed exactly one ticket.
        if (focus is null && listed is { Count: 1 })
        {
            focus = listed[0];
        }

        return new ConversationState(focus, listed ?? [], collecting, PendingDelete(options), now)
        {
            Drafted = Drafted(turns),
            Offered = turns.Count > 0 ? Offered(turns[^1]) : null,
            // Who is asking comes from the signed-in person, never from what the conversation says.
            ForRequester = !TicketApi.Tickets.TicketVisibility.SeesEverything(TicketApi.Accounts.ActingContext.Actor),
        };
    }

    /// <summary>The ticket of the latest draft a turn made or read successfully.</summary>
    private static long? Drafted(List<List<MadeCall>> turns) =>
        turns.SelectMany(t => t)
            .LastOrDefault(c => c.Call.Name is PlannerToolNames.DraftReply or PlannerToolNames.GetDraft && c.Result is { Ok: true })
            is { } drafted ? Id(drafted.Call) : null;

    /// <summary>
    /// The previous turn filed a problem and read an article for it: its steps were offered with "Did that fix it?".
    /// Read from that turn's own calls and results (the planner makes <c>get_article</c> in that turn only for a
    /// good match), so the next message can answer it.
    /// </summary>
    private static OfferedFix? Offered(List<MadeCall> turn)
    {
        var filed = turn.FirstOrDefault(c => c.Call.Name == TicketToolCatalogue.CreateTicket && c.Result is { Ok: true, Ticket: not null });
        var article = turn.LastOrDefault(c => c.Call.Name == TicketToolCatalogue.GetArticle && c.Result is { Ok: true });
        if (filed?.Result?.Ticket is not { } ticket || article?.Result is not { Data: { ValueKind: System.Text.Json.JsonValueKind.Object } data }
            || !data.TryGetProperty("id", out var id) || !data.TryGetProperty("title", out var title)
            || !data.TryGetProperty("customer_safe_steps", out var body))
        {
            return null;
        }

        return new OfferedFix(ticket.Id, id.GetInt64(), title.GetString() ?? "", SelfService.ArticleSteps.First(body.GetString() ?? ""));
    }

    private sealed record MadeCall(FunctionCallContent Call, ToolResultView? Result);

    /// <summary>The planner's calls per earlier turn (a turn starts at a user message), oldest first.</summary>
    private static List<List<MadeCall>> Turns(IReadOnlyList<ChatMessage> history)
    {
        var lastUser = -1;
        for (var i = history.Count - 1; i >= 0; i--)
        {
            if (history[i].Role == ChatRole.User)
            {
                lastUser = i;
                break;
            }
        }

        var turns = new List<List<MadeCall>>();
        var results = history.SelectMany(m => m.Contents.OfType<FunctionResultContent>())
            .GroupBy(r => r.CallId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => ToolResultView.Of(g.First()), StringComparer.Ordinal);
        for (var i = 0; i < (lastUser < 0 ? history.Count : lastUser); i++)
        {
            if (history[i].Role == ChatRole.User)
            {
                turns.Add([]);
                continue;
            }

            if (turns.Count == 0)
            {
                turns.Add([]);
            }

            turns[^1].AddRange(history[i].Contents.OfType<FunctionCallContent>()
                .Select(c => new MadeCall(c, results.GetValueOrDefault(c.CallId))));
        }

        return turns;
    }

    private static long? Id(FunctionCallContent call) =>
        call.Arguments is { } args && (args.TryGetValue("id", out var value) || args.TryGetValue("ticket_id", out value))
            ? value switch
            {
                long l => l,
                int n => n,
                System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Number } j => j.GetInt64(),
                string s when long.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p) => p,
                _ => null,
            }
            : null;

    private static string? Text(FunctionCallContent call, string name) =>
        call.Arguments is { } args && args.TryGetValue(name, out var value) ? value?.ToString() : null;

    /// <summary>The ticket whose deletion the previous answer asked to confirm, as the turn runner recorded it.</summary>
    private static long? PendingDelete(ChatOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(PendingConfirmation.OptionsKey, out var value) == true
        && value is PendingConfirmation { Action: TicketToolCatalogue.DeleteTicket } pending
            ? pending.TicketId
            : null;
}
