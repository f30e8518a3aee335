using System.Text.Json;
using AgentHost.Chat;
using AgentHost.Chat.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AgentHost.Endpoints;

/// <summary>
/// The chat endpoint, streamed as Server-Sent Events.
/// <code>
/// GET  /chat?message=...&amp;session_id=...   text/event-stream
/// POST /chat  {"message": "...", "session_id": "..."}   text/event-stream
/// </code>
/// </summary>
public static class ChatEndpoints
{
    public const int MaxMessageLength = 8000;

    public static IEndpointRouteBuilder MapChat(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/chat").WithTags("Chat");
        group.MapGet("", GetChat).WithName("ChatGet");
        group.MapPost("", PostChat).WithName("ChatPost");
        return app;
    }

    public sealed record ChatRequest(string? Message, string? SessionId);

    private static Results<ChatEventStreamResult, ProblemHttpResult> GetChat(
        string? message, string? session_id, ChatSessionStore sessions, ChatTurnRunner runner, HttpContext http) =>
        Start(message, session_id, sessions, runner, http);

    /// <summary>
    /// The body is read by hand so that every malformed body gets a problem that says what is expected,
    /// rather than the framework's empty 400.
    /// </summary>
    private static async Task<Results<ChatEventStreamResult, ProblemHttpResult>> PostChat(
        HttpContext http, ChatSessionStore sessions, ChatTurnRunner runner)
    {
        if (!http.Request.HasJsonContentType())
        {
            return TypedResults.Problem(title: "Unsupported media type",
                detail: "Send a JSON body, Content-Type: application/json, like {\"message\": \"what's open?\"}.",
                statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        ChatRequest? request;
        try
        {
            request = await http.Request.ReadFromJsonAsync<ChatRequest>(RequestJson, http.RequestAborted);
        }
        catch (JsonException)
        {
            return BadRequest("the body must be a JSON object like {\"message\": \"...\", \"session_id\": \"...\"} with string values");
        }

        return Start(request?.Message, request?.SessionId, sessions, runner, http);
    }

    private static readonly JsonSerializerOptions RequestJson = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    private static Results<ChatEventStreamResult, ProblemHttpResult> Start(
        string? message, string? sessionId, ChatSessionStore sessions, ChatTurnRunner runner, HttpContext http)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return BadRequest("message is required");
        }

        if (message.Length > MaxMessageLength)
        {
            return BadRequest($"message is too long: at most {MaxMessageLength} characters");
        }

        sessionId = string.IsNullOrWhiteSpace(sessionId) ? null : sessionId.Trim();
        if (sessionId is not null && !ChatSessionStore.IsValidId(sessionId))
        {
            return BadRequest("session_id must be 1-64 letters, digits, '-' or '_'");
        }

        var session = sessions.GetOrCreate(sessionId);
        return new ChatEventStreamResult(runner.RunAsync(session, message.Trim(), http.RequestAborted));
    }

    private static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(title: detail, detail: detail, statusCode: StatusCodes.Status400BadRequest);
}
