using System.Text.Json;
using AgentHost.Chat.Planner.State;
using AgentHost.Chat.Sessions;
using AgentHost.Tools;
using Microsoft.Extensions.AI;
using TicketApi.Contracts;

namespace AssistantEval;

/// <summary>A call the assistant made in the scored turn, its arguments as JSON and whether the tool said ok.</summary>
internal sealed record MadeCall(string Tool, IReadOnlyDictionary<string, JsonElement> Args, bool Ok, TicketDto? Ticket);

/// <summary>What one scored turn did: its calls in order, its answer text, the confirmation it left pending.</summary>
internal sealed record TurnOutcome(IReadOnlyList<MadeCall> Calls, string Text, PendingConfirmation? Pending, IReadOnlyList<string> Errors)
{
    public static TurnOutcome From(IReadOnlyList<ChatMessage> turn, PendingConfirmation? pending, IReadOnlyList<string> errors)
    {
        var results = turn.SelectMany(m => m.Contents.OfType<FunctionResultContent>())
            .GroupBy(r => r.CallId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => ToolResultView.Of(g.First()), StringComparer.Ordinal);
        var calls = turn.SelectMany(m => m.Contents.OfType<FunctionCallContent>())
            .Select(c =>
            {
                // Read through the planner's own view: the turn comes back from the session store as JSON.
                var result = results.GetValueOrDefault(c.CallId);
                return new MadeCall(c.Name, ToJson(c.Arguments), result?.Ok == true, result?.Ticket);
            })
            .ToList();
        var text = string.Concat(turn.Where(m => m.Role == ChatRole.Assistant).Select(m => m.Text));
        return new TurnOutcome(calls, text, pending, errors);
    }

    /// <summary>The ticket a create_ticket call made, to compare its triaged labels.</summary>
    public TicketDto? Created => Calls.LastOrDefault(c => c.Tool == TicketToolCatalogue.CreateTicket && c.Ok)?.Ticket;

    private static Dictionary<string, JsonElement> ToJson(IDictionary<string, object?>? arguments) =>
        (arguments ?? new Dictionary<string, object?>()).ToDictionary(
            a => a.Key, a => JsonSerializer.SerializeToElement(a.Value, TicketToolJson.Options), StringComparer.Ordinal);
}
