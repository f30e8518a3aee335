using Microsoft.AspNetCore.Http.HttpResults;
using TicketApi.Http;

namespace TicketApi.Drafts;

/// <summary>
/// The drafts' refusals, as RFC 9457 problem details in the contract's words (docs/drafts.md, "Drafts over
/// REST"). A 404 says which is missing, the ticket or its draft, so a client knows whether to draft one.
/// </summary>
public static class DraftProblems
{
    public static ProblemHttpResult NoTicket(long id) => TicketProblems.NotFound(Id(id));

    public static ProblemHttpResult NoDraft(long id) =>
        Problem(StatusCodes.Status404NotFound, "Not Found",
            $"Ticket {id} has no current draft: ask for one with POST /api/tickets/{id}/draft.");

    public static ProblemHttpResult NothingToRefine(long id) =>
        Problem(StatusCodes.Status409Conflict, "Conflict",
            $"Ticket {id} has no current draft to refine: ask for a fresh draft first (a body without an instruction).");

    public static ProblemHttpResult NothingToSend(long id) =>
        Problem(StatusCodes.Status409Conflict, "Conflict",
            $"Ticket {id} has no current draft to send (none was drafted, or it was already sent or discarded).");

    public static ProblemHttpResult TicketClosed(long id) =>
        Problem(StatusCodes.Status409Conflict, "Conflict", $"Ticket {id} is closed; a draft cannot be sent on it.");

    /// <summary>A refinement whose draft was replaced while it was written: storing it would drop the newer version.</summary>
    public static ProblemHttpResult ChangedWhileRefining(long id, long current) =>
        Problem(StatusCodes.Status409Conflict, "Conflict",
            $"The draft of ticket {id} changed while it was being refined (it is now version {current}); refine the new version.");

    public static ProblemHttpResult Stale(long id, long current)
    {
        var result = Problem(StatusCodes.Status412PreconditionFailed, "Precondition Failed",
            $"The draft of ticket {id} has changed since you read it (it is now version {current}, ETag {ETags.For(current)}). Read it again before you approve or change it.");
        result.ProblemDetails.Extensions["current_etag"] = ETags.For(current);
        return result;
    }

    /// <summary>The writer failed or answered with something that cannot be stored; nothing was stored.</summary>
    public static ProblemHttpResult WriterFailed(long id, string reason) =>
        Problem(StatusCodes.Status503ServiceUnavailable, "Service Unavailable",
            $"No draft could be written for ticket {id}: {reason} Nothing was stored; try again.");

    /// <summary>The approval could not stage its mail; it was refused whole, so nothing was sent or stored.</summary>
    public static ProblemHttpResult CannotSend(long id, string reason) =>
        Problem(StatusCodes.Status503ServiceUnavailable, "Service Unavailable",
            $"The draft of ticket {id} was not sent: {reason} Nothing was stored; the draft is still current.");

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title);

    private static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
