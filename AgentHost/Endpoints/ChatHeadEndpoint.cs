using AgentHost.Chat.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AgentHost.Endpoints;

/// <summary>
/// <code>HEAD /chat?message=...&amp;session_id=...   200 text/event-stream headers | 400 problem headers</code>
/// RFC 9110 asks HEAD to answer as GET would, minus the content. For /chat the content <em>is</em> the turn,
/// and a turn changes tickets and costs model tokens, so HEAD checks the query exactly as GET does and sends
/// GET's status and headers without starting a turn or creating a session (docs/rest-api.md, "HEAD").
/// Kept beside <see cref="ChatEndpoints"/> rather than in it, and out of the OpenAPI document like every
/// HEAD twin: the GET operation describes both.
/// </summary>
public static class ChatHeadEndpoint
{
    public static IEndpointRouteBuilder MapChatHead(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/chat", [HttpMethods.Head], HeadChat).ExcludeFromDescription();
        return app;
    }

    private static Results<Ok, ProblemHttpResult> HeadChat(string? message, string? session_id, HttpResponse response)
    {
        if (Refusal(message, session_id) is { } detail)
        {
            return TypedResults.Problem(title: detail, detail: detail, statusCode: StatusCodes.Status400BadRequest);
        }

        // The headers ChatEventStreamResult sends with a stream.
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        return TypedResults.Ok();
    }

    /// <summary>GET /chat's checks and wording, in its order (ChatEndpoints.Start); a test holds the two together.</summary>
    private static string? Refusal(string? message, string? sessionId)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return "message is required";
        }

        if (message.Length > ChatEndpoints.MaxMessageLength)
        {
            return $"message is too long: at most {ChatEndpoints.MaxMessageLength} characters";
        }

        sessionId = string.IsNullOrWhiteSpace(sessionId) ? null : sessionId.Trim();
        return sessionId is not null && !ChatSessionStore.IsValidId(sessionId)
            ? "session_id must be 1-64 letters, digits, '-' or '_'"
            : null;
    }
}
