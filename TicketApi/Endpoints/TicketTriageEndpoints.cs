using Microsoft.AspNetCore.Http.HttpResults;
using TicketApi.Accounts;
using TicketApi.Contracts;
using TicketApi.Http;
using TicketApi.Tickets;

namespace TicketApi.Endpoints;

/// <summary>
/// Triage on demand (docs/rest-api.md, "Triage"; docs/triage.md).
/// <code>
///   POST   /api/tickets/{id}/triage/   Triage   200 + ETag | 404 | 409 contended
/// </code>
/// </summary>
public static class TicketTriageEndpoints
{
    public static RouteGroupBuilder MapTicketTriageEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(TicketEndpoints.BasePath).WithTags("Tickets");
        group.MapPost("/{id}/triage/", Triage).WithName("TriageTicket").RequireAccess(Access.StaffWrite).RequireRateLimiting(Limits.RateLimits.Model)
            .WithSummary("Triage a ticket again now; priority and category a person set are kept.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }

    /// <summary>No body is read: the ticket's own words are triaged.</summary>
    public static async Task<Results<Ok<TicketDto>, ProblemHttpResult>> Triage(
        string id, HttpContext context, TicketStore store, CancellationToken cancellationToken)
    {
        if (!TicketEndpoints.TryParseId(id, out var ticketId))
        {
            return TicketProblems.NotFound(id);
        }
        switch (await store.RetriageAsync(ticketId, cancellationToken))
        {
            case WriteOutcome.Done { Ticket: { } ticket }:
                context.Response.Headers.ETag = ETags.For(ticket.Version);
                return TypedResults.Ok(ticket.ToDto());
            case WriteOutcome.Contended:
                return TicketProblems.Contended(ticketId);
            default:
                return TicketProblems.NotFound(id);
        }
    }
}
