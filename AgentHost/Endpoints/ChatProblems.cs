using Microsoft.AspNetCore.Http.HttpResults;

namespace AgentHost.Endpoints;

/// <summary>The 400 problems of <c>/chat</c>: the detail doubles as the title, so clients showing either say what was wrong.</summary>
internal static class ChatProblems
{
    public static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(title: detail, detail: detail, statusCode: StatusCodes.Status400BadRequest);
}
