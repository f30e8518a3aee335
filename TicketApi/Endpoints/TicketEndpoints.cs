using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TicketApi.Accounts;
using TicketApi.Contracts;
using TicketApi.Http;
using TicketApi.Querying;
using TicketApi.Tickets;

namespace TicketApi.Endpoints;

/// <summary>
/// The ticket resource (docs/rest-api.md). Routes match with and without the trailing slash.
/// <code>
///   GET    /api/tickets/        List     200 page | 400 | 404 invalid page        (HEAD too)
///   POST   /api/tickets/        Create   201 + Location | 400 | 413 | 415 | 422
///   GET    /api/tickets/{id}/   Get      200 + ETag | 304 | 404                   (HEAD too)
///   PUT    /api/tickets/{id}/   Replace  200 | 400 | 404 | 409 | 412 | 413 | 415 | 422
///   PATCH  /api/tickets/{id}/   Patch    200 | 400 | 404 | 409 | 412 | 413 | 415 | 422
///   DELETE /api/tickets/{id}/   Delete   204 | 400 | 404 | 412
/// </code>
/// </summary>
public static class TicketEndpoints
{
    public const string BasePath = "/api/tickets";

    public static RouteGroupBuilder MapTicketEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(BasePath).WithTags("Tickets");

        group.MapGetAndHead("/", List).WithName("ListTickets").RequireAccess(Access.Read)
            .WithSummary("List tickets: filter, search, order and page.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", Create).WithName("CreateTicket").RequireAccess(Access.Write)
            .WithSummary("Create a ticket; it starts OPEN and is triaged (priority, category, sentiment) unless a person set them.")
            .WithBodyLimit()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status408RequestTimeout)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGetAndHead("/{id}/", Get).WithName("GetTicket").RequireAccess(Access.Read)
            .WithSummary("Get one ticket, with its ETag.")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id}/", Replace).WithName("ReplaceTicket").RequireAccess(Access.StaffWrite)
            .WithSummary("Replace a ticket's writable fields (title, description and resolution_status all required).")
            .ProducesWriteProblems();
        group.MapPatch("/{id}/", Patch).WithName("PatchTicket").RequireAccess(Access.StaffWrite)
            .WithSummary("Change some of a ticket's fields; status changes follow the lifecycle.")
            .ProducesWriteProblems();
        group.MapDelete("/{id}/", Delete).WithName("DeleteTicket").RequireAccess(Access.StaffWrite)
            .WithSummary("Delete a ticket.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        return group;
    }

    public static async Task<Results<TicketPageResult, ProblemHttpResult>> List(
        HttpRequest request, TicketQueryRunner runner, TicketPageCache cache, CancellationToken cancellationToken)
    {
        var actor = ActingContext.Actor;
        if (!TicketVisibility.SeesEverything(actor))
        {
            return await ListOwnAsync(request, runner, actor, cancellationToken);
        }
        // Read before the rows, so a page kept under it is never older than it (TicketPageCache). Every staff
        // member sees the same page, so one kept page serves them all; a requester's never enters the cache.
        var revision = await runner.RevisionAsync(cancellationToken);
        var key = revision is null ? null : PageKey(request);
        if (revision is { } current && cache.TryGet(key!, current, out var written))
        {
            return TicketPageResult.FromCache(written);
        }
        var parsed = TicketQueryParser.Parse(request.Query);
        if (parsed.Query is not { } query)
        {
            return TicketProblems.Fields(StatusCodes.Status400BadRequest, "One or more query parameters are invalid.", parsed.Errors);
        }
        var result = await runner.RunAsync(query, cancellationToken);
        if (query.Page > 1 && result.Tickets.Count == 0)
        {
            return TicketProblems.InvalidPage(query.Page);
        }
        return TicketPageResult.FromRows(
            result.Count,
            PageLinks.Next(request, query.Page, query.PageSize, result.Count),
            PageLinks.Previous(request, query.Page),
            result.Tickets,
            revision is { } stored ? page => cache.Store(key!, stored, page) : null);
    }

    /// <summary>A requester's page: their own tickets only, shown as a requester sees them, and never cached (docs/accounts.md, "Visibility").</summary>
    private static async Task<Results<TicketPageResult, ProblemHttpResult>> ListOwnAsync(
        HttpRequest request, TicketQueryRunner runner, Actor actor, CancellationToken cancellationToken)
    {
        var parsed = TicketQueryParser.Parse(request.Query);
        if (parsed.Query is not { } query)
        {
            return TicketProblems.Fields(StatusCodes.Status400BadRequest, "One or more query parameters are invalid.", parsed.Errors);
        }
        if (TicketVisibility.RefusedFilters(actor, query) is { } refused)
        {
            return TicketProblems.Fields(StatusCodes.Status400BadRequest, "One or more query parameters are invalid.", refused);
        }
        var result = await runner.RunAsync(TicketVisibility.Narrowed(query, actor), cancellationToken);
        if (query.Page > 1 && result.Tickets.Count == 0)
        {
            return TicketProblems.InvalidPage(query.Page);
        }
        return TicketPageResult.FromRows(
            result.Count,
            PageLinks.Next(request, query.Page, query.PageSize, result.Count),
            PageLinks.Previous(request, query.Page),
            result.Tickets.Select(ticket => TicketVisibility.Shown(actor, ticket)).ToList(),
            remember: null);
    }

    /// <summary>
    /// Everything a page's bytes depend on: its links repeat the scheme, host, path and every parameter, and
    /// <c>assignee=me</c> means someone else for each person, so the acting person is part of the key.
    /// </summary>
    private static string PageKey(HttpRequest request) =>
        string.Concat(ActingContext.Actor.Id, " ", request.Scheme, "://", request.Host.Value, request.PathBase.Value, request.Path.Value, request.QueryString.Value);

    public static async Task<Results<Created<TicketDto>, ProblemHttpResult>> Create(
        HttpContext context, TicketStore store, CancellationToken cancellationToken)
    {
        var body = await TicketBodyReader.ReadAsync(context.Request, WriteMode.Create, cancellationToken);
        if (body.Changes is not { } changes)
        {
            return body.Problem!;
        }
        var actor = ActingContext.Actor;
        var (filed, refused) = TicketVisibility.ForFiling(actor, changes);
        if (refused is not null)
        {
            return TicketProblems.Fields(StatusCodes.Status422UnprocessableEntity, "One or more fields have values a ticket cannot take.", refused);
        }
        var ticket = await store.CreateAsync(filed, cancellationToken);
        context.Response.Headers.ETag = ETags.For(ticket.Version);
        return TypedResults.Created($"{BasePath}/{ticket.Id}/", TicketVisibility.Shown(actor, ticket).ToDto());
    }

    public static async Task<Results<Ok<TicketDto>, StatusCodeHttpResult, ProblemHttpResult>> Get(
        string id, HttpContext context, TicketReader reader, CancellationToken cancellationToken)
    {
        // Someone else's ticket is missing to a requester, before any ETag is set or compared: a 304 would say it exists.
        var actor = ActingContext.Actor;
        if (!TryParseId(id, out var ticketId) || await reader.FindAsync(ticketId, cancellationToken) is not { } ticket
            || !TicketVisibility.CanSee(actor, ticket))
        {
            return TicketProblems.NotFound(id);
        }
        context.Response.Headers.ETag = ETags.For(ticket.Version);
        if (ETags.IfNoneMatchHits(context.Request, ticket.Version))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        return TypedResults.Ok(TicketVisibility.Shown(actor, ticket).ToDto());
    }

    public static Task<Results<Ok<TicketDto>, ProblemHttpResult>> Replace(
        string id, HttpContext context, TicketReader reader, TicketStore store, CancellationToken cancellationToken) =>
        Write(id, WriteMode.Replace, context, reader, store, cancellationToken);

    public static Task<Results<Ok<TicketDto>, ProblemHttpResult>> Patch(
        string id, HttpContext context, TicketReader reader, TicketStore store, CancellationToken cancellationToken) =>
        Write(id, WriteMode.Patch, context, reader, store, cancellationToken);

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        string id, HttpContext context, TicketStore store, CancellationToken cancellationToken)
    {
        if (!TryParseId(id, out var ticketId))
        {
            return TicketProblems.NotFound(id);
        }
        var (precondition, error) = ETags.IfMatch(context.Request);
        if (error is not null)
        {
            return TicketProblems.BadRequest(error);
        }
        return await store.DeleteAsync(ticketId, precondition, cancellationToken) switch
        {
            WriteOutcome.Done => TypedResults.NoContent(),
            WriteOutcome.PreconditionFailed failed => TicketProblems.PreconditionFailed(ticketId, ETags.For(failed.CurrentVersion)),
            WriteOutcome.Contended => TicketProblems.Contended(ticketId),
            _ => TicketProblems.NotFound(id),
        };
    }

    private static async Task<Results<Ok<TicketDto>, ProblemHttpResult>> Write(
        string id, WriteMode mode, HttpContext context, TicketReader reader, TicketStore store, CancellationToken cancellationToken)
    {
        // A missing ticket is reported before anything about the body, as a client probing ids expects.
        if (!TryParseId(id, out var ticketId) || await reader.FindAsync(ticketId, cancellationToken) is null)
        {
            return TicketProblems.NotFound(id);
        }
        var (precondition, error) = ETags.IfMatch(context.Request);
        if (error is not null)
        {
            return TicketProblems.BadRequest(error);
        }
        var body = await TicketBodyReader.ReadAsync(context.Request, mode, cancellationToken);
        if (body.Changes is not { } changes)
        {
            return body.Problem!;
        }
        switch (await store.UpdateAsync(ticketId, changes, precondition, cancellationToken))
        {
            case WriteOutcome.Done { Ticket: { } ticket }:
                context.Response.Headers.ETag = ETags.For(ticket.Version);
                return TypedResults.Ok(ticket.ToDto());
            case WriteOutcome.TransitionRefused refused:
                return TicketProblems.TransitionRefused(ticketId, refused.From, refused.To);
            case WriteOutcome.PreconditionFailed failed:
                return TicketProblems.PreconditionFailed(ticketId, ETags.For(failed.CurrentVersion));
            case WriteOutcome.Contended:
                return TicketProblems.Contended(ticketId);
            default:
                return TicketProblems.NotFound(id);
        }
    }

    /// <summary>Ids are positive whole numbers; anything else names no ticket (404, as the original system did).</summary>
    internal static bool TryParseId(string text, out long id) =>
        long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out id) && id > 0;

    /// <summary>Kestrel cuts a body off at the ticket limit (413) however it is framed; see TicketBodyReader.MaxBodyBytes.</summary>
    private static RouteHandlerBuilder WithBodyLimit(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new RequestSizeLimitAttribute(TicketBodyReader.MaxBodyBytes));

    private static RouteHandlerBuilder ProducesWriteProblems(this RouteHandlerBuilder builder) => builder
        .WithBodyLimit()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status408RequestTimeout)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
}
