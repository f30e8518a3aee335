using Microsoft.AspNetCore.Http.HttpResults;

namespace AgentHost.Endpoints;

/// <summary>The problems of <c>/chat</c> and <c>/chat/sessions</c>.</summary>
internal static class ChatProblems
{
    /// <summary>A 400 whose detail doubles as the title, so clients showing either say what was wrong.</summary>
    public static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(title: detail, detail: detail, statusCode: StatusCodes.Status400BadRequest);

    /// <summary>
    /// An unknown or expired session, and equally someone else's (docs/chat-sse.md, "Whose session it is"): one
    /// wording for all, so an id cannot be probed for whose it is.
    /// </summary>
    public static ProblemHttpResult SessionNotFound(string id, TimeSpan idleTimeout) =>
        TypedResults.Problem(title: "Chat session not found",
            detail: $"Chat session '{id}' was not found; sessions expire after {idleTimeout.TotalMinutes:0} minutes idle.",
            statusCode: StatusCodes.Status404NotFound);
}
