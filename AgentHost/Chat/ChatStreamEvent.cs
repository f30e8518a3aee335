using System.Text.Json.Serialization;

namespace AgentHost.Chat;

/// <summary>One SSE frame of a chat turn: the event name and its JSON payload.</summary>
public sealed record ChatStreamEvent(string Name, object Data)
{
    public const string Token = "token";
    public const string Tool = "tool";
    public const string End = "end";
    public const string Error = "error";

    public bool IsTerminal => Name is End or Error;

    public static ChatStreamEvent ForToken(string delta) => new(Token, new TokenFrame(delta));

    public static ChatStreamEvent ForTool(ToolCallReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new(Tool, new ToolFrame(report.Name, report.Call.Arguments ?? new Dictionary<string, object?>(),
            report.Succeeded ? "succeeded" : "failed", report.Summary));
    }

    public static ChatStreamEvent ForEnd(string sessionId) => new(End, new EndFrame(true, sessionId));

    public static ChatStreamEvent ForError(string message) => new(Error, new ErrorFrame(message));
}

public sealed record TokenFrame([property: JsonPropertyName("delta")] string Delta);

public sealed record ToolFrame(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("arguments")] IDictionary<string, object?> Arguments,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("summary")] string Summary);

public sealed record EndFrame(
    [property: JsonPropertyName("ok")] bool Ok,
    [property: JsonPropertyName("session_id")] string SessionId);

public sealed record ErrorFrame([property: JsonPropertyName("message")] string Message);
