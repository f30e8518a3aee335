using AgentHost.Chat.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;
using TicketApi.Accounts;
using TicketApi.Http;

namespace AgentHost.Endpoints;

/// <summary>
/// Reading a stored chat session (docs/chat-sse.md, "Reading a session").
/// <code>
/// GET|HEAD /chat/sessions/{id}   200 transcript and filed ticket ids | 400 malformed id | 404 unknown, expired or someone else's
/// </code>
/// Behind <see cref="ChatBrowserFilter"/> like <c>/chat</c>: a transcript holds ticket contents, so pages of
/// other sites must not read it through a visitor's browser. A session is read by the person it belongs to, and by
/// admins (an admin-scoped credential), for whom the transcripts are part of the audit; anyone else gets the 404 of an
/// unknown session (docs/chat-sse.md, "Whose session it is").
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
        var reader = ActingContext.Actor;
        return stored is not null && (stored.OwnerId == reader.Id || reader.IsAdmin)
            ? TypedResults.Ok(ChatSessionResponse.From(stored))
            : ChatProblems.SessionNotFound(id, sessions.IdleTimeout);
    }
}
