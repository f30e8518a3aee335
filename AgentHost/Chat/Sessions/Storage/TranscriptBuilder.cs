using System.Text.Json;
using AgentHost.Tools;
using Microsoft.Extensions.AI;

namespace AgentHost.Chat.Sessions.Storage;

/// <summary>
/// Turns one finished turn's messages into transcript lines (the person's message; the answer with every tool
/// call, its arguments and result) and finds the tickets it filed: the ids of successful <c>create_ticket</c> results.
/// </summary>
public static class TranscriptBuilder
{
    public static IReadOnlyList<TranscriptEntry> Lines(int turn, string message, DateTimeOffset askedAt, IReadOnlyList<ChatMessage> answer, DateTimeOffset answeredAt)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var text = string.Join("\n", answer.Where(m => m.Role == ChatRole.Assistant).Select(m => m.Text).Where(t => t.Length > 0));
        return
        [
            new TranscriptEntry(turn, "user", message, [], askedAt),
            new TranscriptEntry(turn, "assistant", text, ToolCalls(answer), answeredAt),
        ];
    }

    public static IReadOnlyList<TranscriptToolCall> ToolCalls(IReadOnlyList<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var results = messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>()
            .GroupBy(r => r.CallId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        return
        [
            .. messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Select(call => new TranscriptToolCall(
                call.Name,
                JsonSerializer.SerializeToElement(call.Arguments ?? new Dictionary<string, object?>(), AIJsonUtilities.DefaultOptions),
                results.TryGetValue(call.CallId, out var result) ? StoredSessionJson.ResultJson(result.Result) : null)),
        ];
    }

    /// <summary>The ids of tickets the calls created (a <c>create_ticket</c> result with <c>ok: true</c> and <c>data.id</c>).</summary>
    public static IEnumerable<long> FiledTicketIds(IEnumerable<TranscriptToolCall> calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        foreach (var call in calls)
        {
            if (call is { Name: TicketToolCatalogue.CreateTicket, Result: { ValueKind: JsonValueKind.Object } result }
                && result.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True
                && result.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                && data.TryGetProperty("id", out var id) && id.TryGetInt64(out var ticketId))
            {
                yield return ticketId;
            }
        }
    }
}
