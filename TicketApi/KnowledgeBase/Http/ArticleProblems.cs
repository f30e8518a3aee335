using Microsoft.AspNetCore.Http.HttpResults;

namespace TicketApi.KnowledgeBase.Http;

/// <summary>The article API's own refusals (RFC 9457); shape errors, 413 and 415 are the ticket API's (<see cref="TicketApi.Http.TicketProblems"/>).</summary>
public static class ArticleProblems
{
    public static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem($"Article with id '{id}' was not found.", statusCode: StatusCodes.Status404NotFound, title: "Not Found");

    public static ProblemHttpResult InvalidPage(int page) =>
        TypedResults.Problem($"Invalid page. Page {page} is past the last page of results.", statusCode: StatusCodes.Status404NotFound, title: "Not Found");

    public static ProblemHttpResult SlugTaken(string slug) =>
        TypedResults.Problem($"An article with slug '{slug}' already exists: choose another slug, or change that article.",
            statusCode: StatusCodes.Status409Conflict, title: "Conflict");

    public static ProblemHttpResult PreconditionFailed(long id, string currentEtag)
    {
        var result = TypedResults.Problem($"Article {id} has changed since you read it (its ETag is now {currentEtag}). Fetch it again and retry.",
            statusCode: StatusCodes.Status412PreconditionFailed, title: "Precondition Failed");
        result.ProblemDetails.Extensions["current_etag"] = currentEtag;
        return result;
    }

    public static ProblemHttpResult Contended(long id) =>
        TypedResults.Problem($"Article {id} is being changed by many requests at once; try again.", statusCode: StatusCodes.Status409Conflict, title: "Conflict");
}
