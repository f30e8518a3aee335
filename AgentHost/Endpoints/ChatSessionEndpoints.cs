using AgentHost.Chat.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;
using TicketApi.Http;

namespace AgentHost.Endpoints;

/// <summary>
/// Reading a stored chat session (docs/chat-sse.md, "Reading a session").
/// <code>
/// GET|HEAD /chat/sessions/{id}   200 transcript and filed ticket ids | 400 malformed id | 404 unknown or expired
/// </code>
/// Behind <see cref="ChatBrowserFilter"/> like <c>/chat</c>: a transcript holds ticket contents, so pages of
/// other sites must not read it through a visitor's browser. Whoever holds a session id may read it (there are no
/// accounts yet); server-made ids are 128 random bits.
/// </summary>
public static class ChatSessionEndpoints
{
    public static IEndpointRouteBuilder MapChatSessions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/chat/sessions").WithTags("Chat");
        group.AddEndpointFilter<ChatBrowserFilter>();
        group.MapGetAndHead("/{id}", GetSession)
            .WithName("ChatSessionGet")
            .WithSummary("Read a chat session: its transcript (turns with tool calls) and the ids of tickets filed in it.")
            .Produces<ChatSessionResponse>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Ok<ChatSessionResponse>, ProblemHttpResult>> GetSession(
        string id, ChatSessionStore sessions, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (!ChatSessionStore.IsValidId(id))
        {
            return ChatProblems.BadRequest("a session id is 1-64 letters, digits, '-' or '_'");
        }

        var stored = await sessions.Repository.ReadTranscriptAsync(id, timeProvider.GetUtcNow(), cancellationToken);
        return stored is null
            ? TypedResults.Problem(title: "Chat session not found",
                detail: $"Chat session '{id}' was not found; sessions expire after {sessions.IdleTimeout.TotalMinutes:0} minutes idle.",
                statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(ChatSessionResponse.From(stored));
    }
}
