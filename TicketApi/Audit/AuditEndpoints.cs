using Microsoft.AspNetCore.Http.HttpResults;
using TicketApi.Accounts;
using TicketApi.Endpoints;
using TicketApi.Http;
using TicketApi.Tickets;

namespace TicketApi.Audit;

/// <summary>
/// The audit trail over REST (docs/accounts.md, "Audit").
/// <code>
///   GET /api/tickets/{id}/history/   TicketHistory   200 page (oldest first) | 400 | 404   agents and admins (HEAD too)
///   GET /api/audit/                  ListAudit       200 page (newest first) | 400         admins (HEAD too)
/// </code>
/// A deleted ticket's history is a 404, as the ticket is; its rows stay in <c>/api/audit/?ticket={id}</c>.
/// </summary>
public static class AuditEndpoints
{
    public const string AuditPath = "/api/audit/";

    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup(TicketEndpoints.BasePath).WithTags("Audit")
            .MapGetAndHead("/{id}/history/", History).WithName("TicketHistory").RequireAccess(Access.StaffRead)
            .WithSummary("Every recorded change to a ticket, oldest first, a page at a time: who, through which channel and tool, what, and each field's old and new value.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGroup("/api").WithTags("Audit")
            .MapGetAndHead("/audit/", List).WithName("ListAudit").RequireAccess(Access.Admin)
            .WithSummary("The audit trail of every ticket, newest first, filtered by actor, channel, action, ticket and time (since inclusive, until exclusive).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Results<Ok<AuditPage>, ProblemHttpResult>> History(
        string id, HttpRequest request, TicketReader reader, AuditStore audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!TicketEndpoints.TryParseId(id, out var ticketId) || await reader.FindAsync(ticketId, cancellationToken) is null)
        {
            return TicketProblems.NotFound(id);
        }
        var (page, pageSize, errors) = SubresourcePaging.Parse(request.Query);
        if (errors is not null)
        {
            return TicketProblems.Fields(StatusCodes.Status400BadRequest, "One or more query parameters are invalid.", errors);
        }
        var (count, entries) = await audit.HistoryAsync(ticketId, page, pageSize, cancellationToken);
        return Page(request, page, pageSize, count, entries);
    }

    public static async Task<Results<Ok<AuditPage>, ProblemHttpResult>> List(HttpRequest request, AuditStore audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (query, errors) = AuditQuery.Parse(request.Query);
        if (query is null)
        {
            return TicketProblems.Fields(StatusCodes.Status400BadRequest, "One or more query parameters are invalid.", errors);
        }
        var (count, entries) = await audit.SearchAsync(query, cancellationToken);
        return Page(request, query.Page, query.PageSize, count, entries);
    }

    private static Results<Ok<AuditPage>, ProblemHttpResult> Page(HttpRequest request, int page, int pageSize, long count, List<AuditEntry> entries)
    {
        if (page > 1 && entries.Count == 0)
        {
            return TicketProblems.InvalidPage(page);
        }
        return TypedResults.Ok(new AuditPage(count, PageLinks.Next(request, page, pageSize, count), PageLinks.Previous(request, page),
            entries.Select(e => e.ToDto()).ToList()));
    }
}
