using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TicketApi.Accounts;
using TicketApi.Contracts;
using TicketApi.Endpoints;
using TicketApi.Http;
using TicketApi.Tickets;

namespace TicketApi.Drafts.Http;

/// <summary>
/// A ticket's drafted reply and its approval (docs/drafts.md, "Drafts over REST").
/// <code>
///   GET    /api/tickets/{id}/draft        GetDraft       200 + ETag | 404 (no ticket / no current draft)          (HEAD too)
///   POST   /api/tickets/{id}/draft        WriteDraft     201 new | 200 replaced | SSE | 400 | 404 | 409 | 413 | 415 | 422 | 503
///   PUT    /api/tickets/{id}/draft        EditDraft      200 + ETag | 400 | 404 | 412 | 413 | 415 | 422
///   DELETE /api/tickets/{id}/draft        DiscardDraft   204 | 400 | 404 | 412
///   POST   /api/tickets/{id}/draft/send   SendDraft      201 message | 400 | 404 | 409 | 412 | 413 | 415 | 422 | 503
///   GET    /api/tickets/{id}/drafts/      ListDrafts     200 page (newest first) | 400 | 404                       (HEAD too)
/// </code>
/// </summary>
public static class DraftEndpoints
{

    public static RouteGroupBuilder MapDraftEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(TicketEndpoints.BasePath).WithTags("Drafts");
        group.MapGetAndHead("/{id}/draft", Get).WithName("GetDraft").RequireAccess(Access.StaffRead)
            .WithSummary("The ticket's current draft reply, with its ETag.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id}/draft", Write).WithName("WriteDraft").RequireAccess(Access.StaffWrite).RequireRateLimiting(Limits.RateLimits.Model)
            .WithSummary("Draft a reply ({}), or refine the current draft ({\"instruction\": ...}); streams with Accept: text/event-stream. Sends nothing.")
            .WithBodyLimit()
            .Produces<DraftDto>(StatusCodes.Status200OK, "application/json", DraftEventFrames.MediaType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status408RequestTimeout)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapPut("/{id}/draft", Edit).WithName("EditDraft").RequireAccess(Access.StaffWrite)
            .WithSummary("A person's edit of the current draft: a new version with edited: true.")
            .WithBodyLimit()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status408RequestTimeout)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapDelete("/{id}/draft", Discard).WithName("DiscardDraft").RequireAccess(Access.StaffWrite)
            .WithSummary("Discard the current draft (it stays in the history as DISCARDED).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapPost("/{id}/draft/send", Send).WithName("SendDraft").RequireAccess(Access.StaffWrite)
            .WithSummary("Approve and send the current draft: it joins the thread as a reply and is queued for the requester; resolve: true also resolves the ticket.")
            .WithBodyLimit()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status408RequestTimeout)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGetAndHead("/{id}/drafts/", List).WithName("ListDrafts").RequireAccess(Access.StaffRead)
            .WithSummary("Every version of the ticket's drafts, newest first, a page at a time.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    public static async Task<Results<Ok<DraftDto>, ProblemHttpResult>> Get(
        string id, HttpResponse response, TicketDrafts drafts, CancellationToken cancellationToken)
    {
        if (!TicketEndpoints.TryParseId(id, out var ticketId))
        {
            return TicketProblems.NotFound(id);
        }
        var outcome = await drafts.GetAsync(ticketId, cancellationToken);
        return Answer(outcome, response, TypedResults.Ok);
    }

    /// <summary>
    /// 201 with Location when the ticket had no current draft, 200 when the new version replaced it; with
    /// <c>Accept: text/event-stream</c> the answer streams (<see cref="DraftEventFrames"/>).
    /// </summary>
    public static async Task<Results<Created<DraftDto>, Ok<DraftDto>, EmptyHttpResult, ProblemHttpResult>> Write(
        string id, HttpContext context, TicketReader reader, TicketDrafts drafts, CancellationToken cancellationToken)
    {
        // A missing ticket is reported before anything about the body, as the ticket writes do.
        if (!TicketEndpoints.TryParseId(id, out var ticketId) || await reader.FindAsync(ticketId, cancellationToken) is null)
        {
            return TicketProblems.NotFound(id);
        }
        var body = await DraftBodyReader.ReadInstructionAsync(context.Request, cancellationToken);
        if (body.Problem is { } problem)
        {
            return problem;
        }
        var stream = DraftEventFrames.Wanted(context.Request) ? new DraftEventFrames(context.Response) : null;
        TicketService.Outcome<TicketDrafts.Written> outcome;
        try
        {
            outcome = await drafts.GenerateAsync(ticketId, body.Value, stream is null ? null : stream.TokenAsync, cancellationToken);
            if (stream is not null && (stream.Started || outcome.Value is not null))
            {
                await (outcome.Value is { } done
                    ? stream.EndAsync(done.Draft, cancellationToken)
                    : stream.ErrorAsync(outcome.Problem!, cancellationToken));
                return TypedResults.Empty;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException && cancellationToken.IsCancellationRequested)
        {
            // The client left: a writer still at work was cancelled with it (nothing stored); nobody is listening for an answer.
            return TypedResults.Empty;
        }
        if (outcome.Value is not { } written)
        {
            return TypedResults.Problem(outcome.Problem!);
        }
        context.Response.Headers.ETag = ETags.For(written.Draft.Version);
        return written.IsNew
            ? TypedResults.Created(DraftPath(ticketId), written.Draft)
            : TypedResults.Ok(written.Draft);
    }

    public static async Task<Results<Ok<DraftDto>, ProblemHttpResult>> Edit(
        string id, HttpContext context, TicketReader reader, TicketDrafts drafts, CancellationToken cancellationToken)
    {
        // A missing ticket is reported before anything about the body, as the ticket writes do.
        if (!TicketEndpoints.TryParseId(id, out var ticketId) || await reader.FindAsync(ticketId, cancellationToken) is null)
        {
            return TicketProblems.NotFound(id);
        }
        var (precondition, error) = ETags.IfMatch(context.Request);
        if (error is not null)
        {
            return TicketProblems.BadRequest(error);
        }
        var body = await DraftBodyReader.ReadEditAsync(context.Request, cancellationToken);
        if (body.Value is not { } edit)
        {
            return body.Problem!;
        }
        return Answer(await drafts.EditAsync(ticketId, edit, precondition, cancellationToken), context.Response, TypedResults.Ok);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Discard(
        string id, HttpRequest request, TicketDrafts drafts, CancellationToken cancellationToken)
    {
        if (!TicketEndpoints.TryParseId(id, out var ticketId))
        {
            return TicketProblems.NotFound(id);
        }
        var (precondition, error) = ETags.IfMatch(request);
        if (error is not null)
        {
            return TicketProblems.BadRequest(error);
        }
        var outcome = await drafts.DiscardAsync(ticketId, precondition, cancellationToken);
        return outcome.Value is not null ? TypedResults.NoContent() : TypedResults.Problem(outcome.Problem!);
    }

    /// <summary>201 with the message added to the thread; no Location, as a message is read in its thread.</summary>
    public static async Task<Results<Created<TicketMessageDto>, ProblemHttpResult>> Send(
        string id, HttpRequest request, TicketReader reader, TicketDrafts drafts, CancellationToken cancellationToken)
    {
        if (!TicketEndpoints.TryParseId(id, out var ticketId) || await reader.FindAsync(ticketId, cancellationToken) is null)
        {
            return TicketProblems.NotFound(id);
        }
        var (precondition, error) = ETags.IfMatch(request);
        if (error is not null)
        {
            return TicketProblems.BadRequest(error);
        }
        var body = await DraftBodyReader.ReadApprovalAsync(request, cancellationToken);
        if (body.Value is not { } approval)
        {
            return body.Problem!;
        }
        var outcome = await drafts.SendAsync(ticketId, approval, precondition, TicketMessageChannels.Rest, cancellationToken);
        return outcome.Value is { } message
            ? TypedResults.Created((string?)null, message)
            : TypedResults.Problem(outcome.Problem!);
    }

    public static async Task<Results<Ok<DraftPage>, ProblemHttpResult>> List(
        string id, HttpRequest request, TicketDrafts drafts, CancellationToken cancellationToken)
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
        var outcome = await drafts.HistoryAsync(ticketId, page, pageSize, cancellationToken);
        if (outcome.Value is not { } history)
        {
            return TypedResults.Problem(outcome.Problem!);
        }
        return TypedResults.Ok(history with
        {
            Next = PageLinks.Next(request, page, pageSize, history.Count),
            Previous = PageLinks.Previous(request, page),
        });
    }

    public static string DraftPath(long ticketId) => string.Create(CultureInfo.InvariantCulture, $"{TicketEndpoints.BasePath}/{ticketId}/draft");

    /// <summary>The value with its version as the ETag, or the problem.</summary>
    private static Results<T, ProblemHttpResult> Answer<T>(TicketService.Outcome<DraftDto> outcome, HttpResponse response, Func<DraftDto, T> ok)
        where T : IResult
    {
        if (outcome.Value is not { } draft)
        {
            return TypedResults.Problem(outcome.Problem!);
        }
        response.Headers.ETag = ETags.For(draft.Version);
        return ok(draft);
    }

    private static RouteHandlerBuilder WithBodyLimit(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new RequestSizeLimitAttribute(TicketBodyReader.MaxBodyBytes));
}
