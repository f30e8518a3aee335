using System.ComponentModel;
using System.Text.Json.Serialization;
using AgentHost.Chat.Sessions.Storage;
using TicketApi.Contracts;

namespace AgentHost.Endpoints;

/// <summary>A stored chat session as <c>GET /chat/sessions/{id}</c> answers it (docs/chat-sse.md, "Reading a session").</summary>
public sealed record ChatSessionResponse(
    [property: JsonPropertyName("id"), Description("The session id.")] string Id,
    [property: JsonPropertyName("created"), Description("When the session's first turn started, UTC."), JsonConverter(typeof(UtcTimestampJsonConverter))] DateTime Created,
    [property: JsonPropertyName("last_used"), Description("When a turn last started or finished, UTC."), JsonConverter(typeof(UtcTimestampJsonConverter))] DateTime LastUsed,
    [property: JsonPropertyName("turns"), Description("The transcript, oldest first: each turn's message and answer.")] IReadOnlyList<ChatSessionTurnResponse> Turns,
    [property: JsonPropertyName("ticket_ids"), Description("Ids of the tickets filed in this session (successful create_ticket calls), in order.")] IReadOnlyList<long> TicketIds)
{
    public static ChatSessionResponse From(StoredTranscript stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new(stored.Id, stored.Created.UtcDateTime, stored.LastUsed.UtcDateTime,
            [.. stored.Turns.Select(line => new ChatSessionTurnResponse(line.Role, line.Text,
                [.. line.ToolCalls.Select(call => new ChatSessionToolCallResponse(call.Name, call.Arguments, call.Result))], line.At.UtcDateTime))],
            stored.TicketIds);
    }
}

/// <summary>One line of the transcript.</summary>
public sealed record ChatSessionTurnResponse(
    [property: JsonPropertyName("role"), Description("user (the person's message) or assistant (the answer).")] string Role,
    [property: JsonPropertyName("text"), Description("The message, or the answer's text.")] string Text,
    [property: JsonPropertyName("tool_calls"), Description("The ticket tools the answer called, in order; empty for user lines.")] IReadOnlyList<ChatSessionToolCallResponse> ToolCalls,
    [property: JsonPropertyName("time"), Description("When the message was received or the answer finished, UTC."), JsonConverter(typeof(UtcTimestampJsonConverter))] DateTime Time);

/// <summary>A tool call of an answer: its arguments and the result the model got back.</summary>
public sealed record ChatSessionToolCallResponse(
    [property: JsonPropertyName("name"), Description("The tool, e.g. create_ticket.")] string Name,
    [property: JsonPropertyName("arguments"), Description("The arguments the model sent (a JSON object).")] System.Text.Json.JsonElement Arguments,
    [property: JsonPropertyName("result"), Description("The tool's result as the model saw it (JSON), or null if the call never finished.")] System.Text.Json.JsonElement? Result);
