using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TicketApi.Accounts;
using TicketApi.Data;
using TicketApi.Http;

namespace TicketApi.Mail.Http;

/// <summary>
/// The outbox, read-only, for staff (docs/mail.md, "The outbox API"). Routes match with and without the trailing slash.
/// <code>
///   GET    /api/outbox/        List    200 page | 400 | 404 invalid page      (HEAD too)
/// </code>
/// </summary>
public static class OutboxEndpoints
{
    public const string BasePath = "/api/outbox";

    public static RouteGroupBuilder MapOutboxEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(BasePath).WithTags("Outbox");
        group.MapGetAndHead("/", List).WithName("ListOutbox").RequireAccess(Access.StaffRead)
            .WithSummary("List outbound mail, newest first: queued, sending, sent and failed, with attempts and the last error.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    public static async Task<Results<Ok<OutboxPage>, ProblemHttpResult>> List(HttpRequest request, TicketDbContext db, CancellationToken cancellationToken)
    {
        var (parsed, errors) = OutboxQuery.Parse(request.Query);
        if (parsed is not { } query)
        {
            return TicketProblems.Fields(StatusCodes.Status400BadRequest, "One or more query parameters are invalid.", errors);
        }
        var rows = db.Outbox.AsNoTracking();
        if (query.Status is { } status)
        {
            rows = rows.Where(m => m.Status == status);
        }
        if (query.TicketId is { } ticketId)
        {
            rows = rows.Where(m => m.TicketId == ticketId);
        }
        var count = await rows.LongCountAsync(cancellationToken);
        var skip = (long)(query.Page - 1) * query.PageSize;
        if (query.Page > 1 && skip >= count)
        {
            return TypedResults.Problem($"Invalid page. Page {query.Page} is past the last page of results.",
                statusCode: StatusCodes.Status404NotFound, title: "Not Found");
        }
        var mails = await rows.OrderByDescending(m => m.Id).Skip((int)skip).Take(query.PageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new OutboxPage(
            count,
            PageLinks.Next(request, query.Page, query.PageSize, count),
            PageLinks.Previous(request, query.Page),
            mails.Select(OutboxMailDto.From).ToList()));
    }
}
