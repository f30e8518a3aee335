using Microsoft.AspNetCore.Http.HttpResults;
using TicketApi.Contracts;

namespace TicketApi.Http;

/// <summary>Every error the ticket API answers with, as RFC 9457 problem details with the contract's wording.</summary>
public static class TicketProblems
{
    public static ProblemHttpResult NotFound(string id) =>
        Problem(StatusCodes.Status404NotFound, "Not Found", $"Ticket with id '{id}' was not found.");

    /// <summary>403: the person is signed in and may see the ticket, but not do this to it (docs/accounts.md, "Visibility").</summary>
    public static ProblemHttpResult Forbidden(string detail) =>
        Problem(StatusCodes.Status403Forbidden, "Forbidden", detail);

    public static ProblemHttpResult InvalidPage(int page) =>
        Problem(StatusCodes.Status404NotFound, "Not Found", $"Invalid page. Page {page} is past the last page of results.");

    public static ProblemHttpResult Fields(int status, string detail, IDictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = status,
            Title = status == StatusCodes.Status422UnprocessableEntity ? "Unprocessable Content" : "Bad Request",
            Detail = detail,
        });

    public static ProblemHttpResult BadRequest(string detail) =>
        Problem(StatusCodes.Status400BadRequest, "Bad Request", detail);

    public static ProblemHttpResult UnsupportedMediaType(string? contentType) =>
        Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported Media Type",
            contentType is null or ""
                ? "The request body must be JSON: send it with Content-Type: application/json."
                : $"Content-Type '{contentType}' is not supported: send JSON with Content-Type: application/json.");

    public static ProblemHttpResult PayloadTooLarge(long limit) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "Content Too Large", $"The request body is larger than {limit} bytes.");

    public static ProblemHttpResult TransitionRefused(long id, TicketStatus from, TicketStatus to)
    {
        var allowed = TicketStatuses.AllowedTargets(from).Select(TicketStatuses.ToWire).ToArray();
        var allowedText = allowed.Length == 0 ? $"none: {TicketStatuses.ToWire(from)} is final" : string.Join(", ", allowed);
        var result = Problem(StatusCodes.Status409Conflict, "Conflict",
            $"Cannot change the status of ticket {id} from {TicketStatuses.ToWire(from)} to {TicketStatuses.ToWire(to)}. " +
            $"Allowed transitions from {TicketStatuses.ToWire(from)}: {allowedText}.");
        result.ProblemDetails.Extensions["current_status"] = TicketStatuses.ToWire(from);
        result.ProblemDetails.Extensions["requested_status"] = TicketStatuses.ToWire(to);
        result.ProblemDetails.Extensions["allowed_transitions"] = allowed;
        return result;
    }

    public static ProblemHttpResult PreconditionFailed(long id, string currentEtag)
    {
        var result = Problem(StatusCodes.Status412PreconditionFailed, "Precondition Failed",
            $"Ticket {id} has changed since you read it (its ETag is now {currentEtag}). Fetch it again and retry.");
        result.ProblemDetails.Extensions["current_etag"] = currentEtag;
        return result;
    }

    public static ProblemHttpResult Contended(long id) =>
        Problem(StatusCodes.Status409Conflict, "Conflict",
            $"Ticket {id} is being changed by many requests at once; try again.");

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title);
}
