using System.Text.Json.Serialization;

namespace AgentCli.Streaming;

/// <summary>Body of <c>POST /chat</c>. The session is omitted on the first turn so the host makes one.</summary>
internal sealed record ChatRequest(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("session_id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SessionId);
