using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TicketApi.Accounts;
using TicketApi.Contracts;
using TicketApi.Data;
using TicketApi.Endpoints;
using TicketApi.Http;
using TicketApi.Tickets;

namespace TicketApi.Ratings;

/// <summary>
/// Satisfaction ratings over REST (docs/accounts.md, "Satisfaction").
/// <code>
///   POST /api/tickets/{id}/rating/   Rate      201 | 400 | 403 staff | 404 | 409 not resolved / rated | 413 | 415 | 422
///   GET  /api/ratings/summary        Summary   200
/// </code>
/// </summary>
public static class RatingEndpoints
{
    public static IEndpointRouteBuilder MapRatingEndpoints(this IEndpointRouteBuilder app)
    {
        // Groups, as the other ticket routes: the OpenAPI document lists a group's routes in the order they were mapped.
        var tickets = app.MapGroup(TicketEndpoints.BasePath).WithTags("Tickets");
        tickets.MapPost("/{id}/rating/", Rate).WithName("RateTicket").RequireAccess(Access.Write)
            .WithSummary("Rate a RESOLVED or CLOSED ticket, once: its requester only (1-5 and an optional comment).")
            .Accepts<RatingRequest>("application/json")
            .WithMetadata(new RequestSizeLimitAttribute(TicketBodyReader.MaxBodyBytes))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        app.MapGroup("/api/ratings").WithTags("Ratings").MapGetAndHead("/summary", Summary).WithName("RatingSummary").RequireAccess(Access.StaffRead)
            .WithSummary("Every rating given: count, average, how many of each score, and per ticket category.");
        return app;
    }

    public static async Task<Results<Created<TicketRating>, ProblemHttpResult>> Rate(
        string id, HttpContext context, TicketReader reader, TicketRatings ratings, CancellationToken cancellationToken)
    {
        if (!TicketEndpoints.TryParseId(id, out var ticketId) || await reader.FindAsync(ticketId, cancellationToken) is not { } ticket)
        {
            return TicketProblems.NotFound(id);
        }
        var actor = ActingContext.Actor;
        if (actor.IsStaff)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only the requester rates",
                detail: "A rating is the requester's view of how their ticket was handled; agents and admins cannot give one.");
        }
        if (!TicketVisibility.CanSee(actor, ticket))
        {
            return TicketProblems.NotFound(id); // someone else's ticket (neither sent as theirs nor filed by them) is as unseen as a missing one
        }
        var (rating, problem) = await RatingRules.ReadJsonAsync(context.Request, cancellationToken);
        if (rating is null)
        {
            return problem!;
        }
        return Answer(ticketId, await ratings.RateAsync(ticketId, rating.Score, rating.Comment, cancellationToken));
    }

    public static async Task<Ok<RatingSummary>> Summary(TicketDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await RatingSummary.ReadAsync(db, cancellationToken));

    /// <summary>The requester of a ticket is whoever its <c>requester_email</c> names (compared case-insensitively).</summary>
    internal static bool IsRequester(TicketEntity ticket, string? email) =>
        email is not null && ticket.RequesterEmail is { } requester && string.Equals(requester.Trim(), email.Trim(), StringComparison.OrdinalIgnoreCase);

    internal static Results<Created<TicketRating>, ProblemHttpResult> Answer(long ticketId, RateOutcome outcome) => outcome switch
    {
        RateOutcome.Done done => TypedResults.Created($"{TicketEndpoints.BasePath}/{ticketId}/", done.Ticket.Rating!),
        RateOutcome.NotResolved refused => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not resolved yet",
            detail: $"Ticket {ticketId} is {TicketStatuses.ToWire(refused.Status)}; it can be rated once it is RESOLVED or CLOSED."),
        RateOutcome.AlreadyRated => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already rated",
            detail: $"Ticket {ticketId} has been rated already; a ticket is rated once."),
        RateOutcome.Contended => TicketProblems.Contended(ticketId),
        _ => TicketProblems.NotFound(ticketId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    };
}
