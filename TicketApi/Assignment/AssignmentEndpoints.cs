using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TicketApi.Accounts;
using TicketApi.Contracts;
using TicketApi.Endpoints;
using TicketApi.Http;

namespace TicketApi.Assignment;

/// <summary>The body of <c>PUT /api/tickets/{id}/assignee</c>: <c>"me"</c>, a person's id or email address, or null to unassign.</summary>
public sealed record AssigneeRequest(string? Assignee);

/// <summary>
/// Assignment of tickets to agents (docs/accounts.md, "Assignment").
/// <code>
///   PUT  /api/tickets/{id}/assignee/   Assign   200 + ETag | 400 | 404 | 409 contended | 412 | 413 | 415 | 422
/// </code>
/// </summary>
public static class AssignmentEndpoints
{
    public static RouteGroupBuilder MapAssignmentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(TicketEndpoints.BasePath).WithTags("Tickets");
        group.MapPut("/{id}/assignee/", Assign).WithName("AssignTicket").RequireAccess(Access.StaffWrite)
            .WithSummary("Assign the ticket to an agent or admin (\"me\", their id or email address), or unassign it with null.")
            .Accepts<AssigneeRequest>("application/json")
            .WithMetadata(new RequestSizeLimitAttribute(TicketBodyReader.MaxBodyBytes))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        return group;
    }

    public static async Task<Results<Ok<TicketDto>, ProblemHttpResult>> Assign(
        string id, HttpContext context, TicketAssignments assignments, Tickets.TicketReader reader, CancellationToken cancellationToken)
    {
        if (!TicketEndpoints.TryParseId(id, out var ticketId) || await reader.FindAsync(ticketId, cancellationToken) is null)
        {
            return TicketProblems.NotFound(id);
        }
        var (precondition, error) = ETags.IfMatch(context.Request);
        if (error is not null)
        {
            return TicketProblems.BadRequest(error);
        }
        var (requested, problem) = await ReadAsync(context.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var (ticket, refused) = await assignments.AssignAsync(ticketId, requested, precondition, cancellationToken);
        if (ticket is null)
        {
            return refused!;
        }
        context.Response.Headers.ETag = ETags.For(ticket.Version);
        return TypedResults.Ok(ticket.ToDto());
    }

    /// <summary><c>{"assignee": "..."}</c> or <c>{"assignee": null}</c>; the member is required and nothing else may come with it.</summary>
    private static async Task<(string? Assignee, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (document, problem) = await TicketBodyReader.ReadObjectAsync(request, cancellationToken);
        if (document is null)
        {
            return (null, problem);
        }
        using (document)
        {
            var errors = new Dictionary<string, List<string>>();
            string? assignee = null;
            var seen = false;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name != AssigneeDirectory.Field)
                {
                    TicketBodyReader.Add(errors, property.Name, "Unknown field sent in request body.");
                    continue;
                }
                seen = true;
                assignee = property.Value.ValueKind == JsonValueKind.Null ? null : TicketBodyReader.ReadString(property, errors);
            }
            if (!seen)
            {
                TicketBodyReader.Add(errors, AssigneeDirectory.Field, "This field is required: \"me\", a person's id or email address, or null to unassign.");
            }
            return errors.Count == 0 ? (assignee, null)
                : (null, TicketProblems.Fields(StatusCodes.Status400BadRequest, "The request body is not a valid assignment.", TicketBodyReader.Merge(errors)));
        }
    }
}
