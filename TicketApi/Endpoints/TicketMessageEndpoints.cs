using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TicketApi.Accounts;
using TicketApi.Contracts;
using TicketApi.Conversations;
using TicketApi.Http;
using TicketApi.Tickets;

namespace TicketApi.Endpoints;

/// <summary>
/// A ticket's conversation thread (docs/rest-api.md, "Conversation thread").
/// <code>
///   GET    /api/tickets/{id}/messages/   ListMessages   200 page (oldest first) | 400 | 404           (HEAD too)
///   POST   /api/tickets/{id}/messages/   AddMessage     201 | 400 | 404 | 409 closed | 413 | 415 | 422
/// </code>
/// </summary>
public static class TicketMessageEndpoints
{
    /// <summary>The only query parameters a thread takes, spelt and checked as the ticket list's.</summary>

    public static RouteGroupBuilder MapTicketMessageEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(TicketEndpoints.BasePath).WithTags("Conversations");
        group.MapGetAndHead("/{id}/messages/", List).WithName("ListTicketMessages").RequireAccess(Access.Read)
            .WithSummary("A ticket's conversation thread, oldest first, a page at a time.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id}/messages/", Add).WithName("AddTicketMessage").RequireAccess(Access.Write)
            .WithSummary("Add a customer message, a public reply or an internal note; a customer message reopens a RESOLVED ticket.")
            .WithMetadata(new RequestSizeLimitAttribute(TicketBodyReader.MaxBodyBytes))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status408RequestTimeout)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        return group;
    }

    public static async Task<Results<Ok<TicketMessagePage>, ProblemHttpResult>> List(
        string id, HttpRequest request, TicketConversations conversations, CancellationToken cancellationToken)
    {
        if (!TicketEndpoints.TryParseId(id, out var ticketId))
        {
            return TicketProblems.NotFound(id);
        }
        var (page, pageSize, errors) = SubresourcePaging.Parse(request.Query);
        if (errors is not null)
        {
            return TicketProblems.Fields(StatusCodes.Status400BadRequest, "One or more query parameters are invalid.", errors);
        }
        var outcome = await conversations.ListAsync(ticketId, page, pageSize, cancellationToken);
        if (outcome.Value is not { } thread)
        {
            return TypedResults.Problem(outcome.Problem!);
        }
        return TypedResults.Ok(thread with
        {
            Next = PageLinks.Next(request, page, pageSize, thread.Count),
            Previous = PageLinks.Previous(request, page),
        });
    }

    /// <summary>201 with the message; no Location, as a message has no URL of its own (it is read in its thread).</summary>
    public static async Task<Results<Created<TicketMessageDto>, ProblemHttpResult>> Add(
        string id, HttpRequest request, TicketReader reader, TicketConversations conversations, CancellationToken cancellationToken)
    {
        // A missing ticket is reported before anything about the body, as the ticket writes do.
        if (!TicketEndpoints.TryParseId(id, out var ticketId) || await reader.FindAsync(ticketId, cancellationToken) is not { } ticket
            || !TicketVisibility.CanSee(ActingContext.Actor, ticket))
        {
            return TicketProblems.NotFound(id);
        }
        var body = await MessageBodyReader.ReadAsync(request, cancellationToken);
        if (body.Message is not { } message)
        {
            return body.Problem!;
        }
        var outcome = await conversations.AddAsync(ticketId, message, cancellationToken);
        return outcome.Value is { } added
            ? TypedResults.Created((string?)null, added)
            : TypedResults.Problem(outcome.Problem!);
    }
}
