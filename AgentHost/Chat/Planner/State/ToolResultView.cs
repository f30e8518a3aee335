using System.Text.Json;
using AgentHost.Tools;
using Microsoft.Extensions.AI;
using TicketApi.Contracts;

namespace AgentHost.Chat.Planner.State;

/// <summary>
/// A tool result read the same way whether it is still the <see cref="TicketToolResult"/> the tool returned or has
/// been through JSON (a stored session): ok, summary, and the ticket ids its data holds.
/// </summary>
public sealed record ToolResultView(bool Ok, string Summary, JsonElement Data)
{
    public static ToolResultView Of(FunctionResultContent result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Result switch
        {
            TicketToolResult r => new(r.Ok, r.Summary, r.Data is null ? default : JsonSerializer.SerializeToElement(r.Data, r.Data.GetType(), TicketToolJson.Options)),
            JsonElement { ValueKind: JsonValueKind.Object } json => FromJson(json),
            string text => new(false, text, default),
            null when result.Exception is { } ex => new(false, ex.Message, default),
            var other => new(true, other?.ToString() ?? "Done.", default),
        };
    }

    /// <summary>The one ticket in the data (get, create, update, triage), if it is one.</summary>
    public TicketDto? Ticket =>
        Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty("title", out _) && Data.TryGetProperty("id", out _)
            ? Data.Deserialize<TicketDto>(TicketToolJson.Options)
            : null;

    /// <summary>The ids of a listed page, in the order shown.</summary>
    public IReadOnlyList<long> ListedIds =>
        Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty("tickets", out var tickets) && tickets.ValueKind == JsonValueKind.Array
            ? tickets.EnumerateArray().Where(t => t.TryGetProperty("id", out _)).Select(t => t.GetProperty("id").GetInt64()).ToList()
            : [];

    private static ToolResultView FromJson(JsonElement json)
    {
        var ok = json.TryGetProperty("ok", out var o) && o.ValueKind == JsonValueKind.True;
        var summary = json.TryGetProperty("summary", out var s) ? s.GetString() ?? "" : json.GetRawText();
        return new(ok, summary, json.TryGetProperty("data", out var data) ? data.Clone() : default);
    }
}
