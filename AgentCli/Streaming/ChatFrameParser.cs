using System.Net.ServerSentEvents;
using System.Text.Json;

namespace AgentCli.Streaming;

/// <summary>Turns a parsed SSE item into a typed frame. Knows the JSON shapes, nothing about HTTP.</summary>
internal static class ChatFrameParser
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    /// <summary>
    /// Returns null for events this client does not know (and the default <c>message</c> event), so a
    /// newer host can add frame types without breaking older clients.
    /// </summary>
    /// <exception cref="AgentHostException">A known frame carried data that is not the agreed JSON.</exception>
    public static ChatFrame? Parse(SseItem<string> item) => item.EventType switch
    {
        "token" => new TokenFrame(Read<TokenData>(item).Delta ?? string.Empty),
        "tool" => ReadTool(item),
        "end" => ReadEnd(item),
        "error" => new ErrorFrame(Read<ErrorData>(item).Message ?? "the agent host reported an error without a message"),
        _ => null,
    };

    private static ToolFrame ReadTool(SseItem<string> item)
    {
        var data = Read<ToolData>(item);
        return new ToolFrame(data.Name ?? "(unnamed tool)", data.Arguments, data.Status, data.Summary);
    }

    private static EndFrame ReadEnd(SseItem<string> item)
    {
        var data = Read<EndData>(item);
        return new EndFrame(data.Ok ?? true, data.SessionId);
    }

    private static T Read<T>(SseItem<string> item) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(item.Data, Json)
                ?? throw AgentHostException.Protocol($"the '{item.EventType}' frame had no data");
        }
        catch (JsonException ex)
        {
            throw AgentHostException.Protocol($"the '{item.EventType}' frame's data is not valid JSON ({ex.Message})");
        }
    }

    private sealed record TokenData(string? Delta);

    private sealed record ToolData(string? Name, JsonElement? Arguments, string? Status, string? Summary);

    private sealed record EndData(bool? Ok, string? SessionId);

    private sealed record ErrorData(string? Message);
}
