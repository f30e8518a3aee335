using AgentHost.Chat;
using AgentHost.Chat.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using TicketApi.Accounts;

namespace AgentHost.Endpoints;

/// <summary>
/// The chat endpoint, streamed as Server-Sent Events (docs/chat-sse.md).
/// <code>
/// GET  /chat?message=...&amp;session_id=...                 text/event-stream
/// POST /chat  {"message": "...", "session_id": "..."}     text/event-stream
///      Last-Event-ID: {session}:{turn}:{seq}   resume a turn (never re-run it): its later frames, or 204
///      Idempotency-Key: {key}                  a retried request replays the turn it started
/// </code>
/// Both are behind <see cref="ChatBrowserFilter"/>: pages of other sites cannot drive them.
/// </summary>
public static class ChatEndpoints
{
    public const int MaxMessageLength = 8000;

    private const int MaxIdempotencyKeyLength = 255;

    public static IEndpointRouteBuilder MapChat(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/chat").WithTags("Chat");
        group.AddEndpointFilter<ChatBrowserFilter>();
        // Chat turns are rate limited per person (docs/accounts.md, "Limits"); a 429 comes before the stream starts.
        group.RequireRateLimiting(TicketApi.Limits.RateLimits.Chat);
        group.MapGet("", GetChat).WithName("ChatGet").WithChatResponses();
        group.MapPost("", PostChat).WithName("ChatPost").WithChatResponses()
            .Accepts<ChatRequest>("application/json")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            // Kestrel stops reading past the limit; ChatRequestBody enforces it on any server.
            .WithMetadata(new RequestSizeLimitAttribute(ChatRequestBody.MaxBytes));
        return app;
    }

    /// <summary>What both methods answer (docs/chat-sse.md): the stream, 204 for a finished reconnect, and the problems.</summary>
    private static RouteHandlerBuilder WithChatResponses(this RouteHandlerBuilder endpoint) => endpoint
        // A type is needed for the document to show the media type; the body is the SSE text itself.
        .Produces<string>(StatusCodes.Status200OK, "text/event-stream")
        .Produces(StatusCodes.Status204NoContent)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static Task<Results<ChatEventStreamResult, NoContent, ProblemHttpResult>> GetChat(
        string? message, string? session_id, HttpContext http, ChatSessionStore sessions, ChatTurnRunner runner,
        IOptions<ChatStreamOptions> stream) =>
        AnswerAsync(message, session_id, http, sessions, runner, stream.Value);

    private static async Task<Results<ChatEventStreamResult, NoContent, ProblemHttpResult>> PostChat(
        HttpContext http, ChatSessionStore sessions, ChatTurnRunner runner, IOptions<ChatStreamOptions> stream)
    {
        if (LastEventId(http) is { } lastEventId)
        {
            return Resume(lastEventId, sessions, stream.Value, ActingContext.Actor.Id, http.RequestAborted);
        }

        var (request, problem) = await ChatRequestBody.ReadAsync(http.Request, http.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        return await AnswerAsync(request?.Message, request?.SessionId, http, sessions, runner, stream.Value);
    }

    private static async Task<Results<ChatEventStreamResult, NoContent, ProblemHttpResult>> AnswerAsync(
        string? message, string? sessionId, HttpContext http, ChatSessionStore sessions, ChatTurnRunner runner, ChatStreamOptions stream)
    {
        // A reconnecting EventSource repeats the original URL, message included: it must resume, never re-run.
        if (LastEventId(http) is { } lastEventId)
        {
            return Resume(lastEventId, sessions, stream, ActingContext.Actor.Id, http.RequestAborted);
        }

        if (string.IsNullOrWhiteSpace(message))
        {
            return ChatProblems.BadRequest("message is required");
        }

        if (message.Length > MaxMessageLength)
        {
            return ChatProblems.BadRequest($"message is too long: at most {MaxMessageLength} characters");
        }

        sessionId = string.IsNullOrWhiteSpace(sessionId) ? null : sessionId.Trim();
        if (sessionId is not null && !ChatSessionStore.IsValidId(sessionId))
        {
            return ChatProblems.BadRequest("session_id must be 1-64 letters, digits, '-' or '_'");
        }

        string? key = http.Request.Headers["Idempotency-Key"];
        if (key is not null && !IsValidIdempotencyKey(key))
        {
            return ChatProblems.BadRequest($"Idempotency-Key must be 1-{MaxIdempotencyKeyLength} visible ASCII characters");
        }

        var aborted = http.RequestAborted;
        // The session is the acting person's (the local admin's in local mode): docs/chat-sse.md, "Whose session it is".
        return await sessions.StartTurnAsync(sessionId, ActingContext.Actor.Id, message.Trim(), key, aborted) switch
        {
            TurnStarted started => new ChatEventStreamResult(started.Turn,
                started.Turn.RecordAsync(runner.RunAsync(started, aborted), aborted), stream.RetryInterval, opensTurn: true),
            TurnReplayed replayed => new ChatEventStreamResult(replayed.Turn, replayed.Turn.FollowAsync(0, aborted), stream.RetryInterval, opensTurn: true),
            SessionBusy busy => TypedResults.Problem(title: "Session busy",
                detail: $"Session {busy.SessionId} is still answering a previous message; send this one when it has finished.",
                statusCode: StatusCodes.Status409Conflict),
            NotYourSession foreign => ChatProblems.SessionNotFound(foreign.SessionId, sessions.IdleTimeout),
            IdempotencyKeyReused reused => TypedResults.Problem(title: "Idempotency-Key reused",
                detail: $"Idempotency-Key '{key}' was already used for a different message or session (turn {reused.Turn.Number} of session {reused.Turn.SessionId}); use a new key for a new message.",
                statusCode: StatusCodes.Status422UnprocessableEntity),
            var other => throw new InvalidOperationException($"Unhandled turn start {other}."),
        };
    }

    /// <summary>
    /// Answers a reconnect from the turn's journal: the frames after the given one (following a running turn
    /// live), or 204 No Content, which makes EventSource stop, when there is nothing more to send or the turn
    /// is no longer known, or is someone else's (so a replay shows nothing of another person's turn and tells nothing
    /// about it either). A malformed id is a 400. Nothing is ever run again.
    /// </summary>
    private static Results<ChatEventStreamResult, NoContent, ProblemHttpResult> Resume(
        string lastEventId, ChatSessionStore sessions, ChatStreamOptions stream, string readerId, CancellationToken cancellationToken)
    {
        if (!ChatEventId.TryParse(lastEventId, out var id))
        {
            return ChatProblems.BadRequest($"Last-Event-ID '{Shorten(lastEventId)}' is not an id this server sent; expected {{session_id}}:{{turn}}:{{sequence}}");
        }

        var turn = sessions.Find(id.SessionId, readerId)?.FindTurn(id.Turn);
        if (turn is null || id.Sequence > turn.LastSequence || (turn.IsFinished && id.Sequence == turn.LastSequence))
        {
            return TypedResults.NoContent();
        }

        return new ChatEventStreamResult(turn, turn.FollowAsync(id.Sequence, cancellationToken), stream.RetryInterval, opensTurn: false);
    }

    private static string? LastEventId(HttpContext http)
    {
        string? value = http.Request.Headers["Last-Event-ID"];
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static bool IsValidIdempotencyKey(string key) =>
        key.Length is > 0 and <= MaxIdempotencyKeyLength && key.All(c => c is > ' ' and <= '~');

    private static string Shorten(string text) => text.Length > 80 ? text[..80] + "..." : text;
}
