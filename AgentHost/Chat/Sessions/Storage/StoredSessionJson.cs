using System.Text.Json;
using AgentHost.Tools;
using Microsoft.Extensions.AI;

namespace AgentHost.Chat.Sessions.Storage;

/// <summary>
/// The JSON columns of a stored session. The history is Microsoft.Extensions.AI's own <see cref="ChatMessage"/>
/// shape (<see cref="AIJsonUtilities.DefaultOptions"/>, which writes the <c>$type</c> of each content: text,
/// function call, function result), so a restarted host hands the model the very conversation it had.
/// </summary>
internal static class StoredSessionJson
{
    // AIJsonUtilities.DefaultOptions indents; a stored column need not.
    private static readonly JsonSerializerOptions History = new(AIJsonUtilities.DefaultOptions) { WriteIndented = false };

    private static readonly JsonSerializerOptions Plain = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static string SerializeHistory(IReadOnlyList<ChatMessage> history) =>
        JsonSerializer.Serialize(history.Select(Normalized).ToList(), History);

    public static List<ChatMessage> DeserializeHistory(string json) =>
        JsonSerializer.Deserialize<List<ChatMessage>>(json, History) ?? [];

    public static string? SerializePending(PendingConfirmation? pending) =>
        pending is null ? null : JsonSerializer.Serialize(pending, Plain);

    public static PendingConfirmation? DeserializePending(string? json) =>
        json is null ? null : JsonSerializer.Deserialize<PendingConfirmation>(json, Plain);

    public static string SerializeIds(IReadOnlyList<long> ids) => JsonSerializer.Serialize(ids, Plain);

    public static List<long> DeserializeIds(string json) => JsonSerializer.Deserialize<List<long>>(json, Plain) ?? [];

    public static string SerializeToolCalls(IReadOnlyList<TranscriptToolCall> calls) => JsonSerializer.Serialize(calls, Plain);

    public static List<TranscriptToolCall> DeserializeToolCalls(string json) => JsonSerializer.Deserialize<List<TranscriptToolCall>>(json, Plain) ?? [];

    /// <summary>
    /// A tool result as JSON, in the tool faces' own form (<see cref="TicketToolJson"/>: what a model is shown).
    /// Stored results are JSON anyway; converting first keeps the stored form independent of the result's .NET type.
    /// </summary>
    public static JsonElement? ResultJson(object? result) => result switch
    {
        null => null,
        JsonElement element => element,
        _ => JsonSerializer.SerializeToElement(result, result.GetType(), TicketToolJson.Options),
    };

    private static ChatMessage Normalized(ChatMessage message)
    {
        if (!message.Contents.Any(c => c is FunctionResultContent { Result: not (null or JsonElement) }))
        {
            return message;
        }

        var contents = message.Contents
            .Select(c => c is FunctionResultContent result ? new FunctionResultContent(result.CallId, ResultJson(result.Result)) : c)
            .ToList();
        return new ChatMessage(message.Role, contents) { MessageId = message.MessageId, AuthorName = message.AuthorName, CreatedAt = message.CreatedAt };
    }
}
