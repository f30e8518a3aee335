using Microsoft.AspNetCore.Mvc;
using TicketApi.Accounts;
using TicketApi.Contracts;
using TicketApi.Conversations;
using TicketApi.Data;
using TicketApi.Http;
using TicketApi.Querying;

namespace TicketApi.Tickets;

/// <summary>
/// The ticket service as a library, for a host that carries it in-process (the agent host's embedded and
/// MCP stdio modes): the same reader, store, query runner, field rules and lifecycle as the REST endpoints,
/// and refusals as the very problem details those endpoints answer with (their <c>detail</c>, <c>errors</c>
/// and <c>allowed_transitions</c>), so a caller cannot tell the two faces apart by what they say.
/// Scoped, like <see cref="TicketStore"/>. Every call acts as <see cref="ActingContext.Actor"/> and follows
/// <see cref="TicketVisibility"/>: a requester reads and files their own tickets only, and cannot change one.
/// </summary>
public sealed class TicketService(TicketReader reader, TicketStore store, TicketQueryRunner runner, TicketConversations conversations)
{
    /// <summary>A value and its version (the ETag's content), or the problem the REST face would answer.</summary>
    public sealed record Outcome<T>(T? Value, ProblemDetails? Problem, long? Version = null)
    {
        public static implicit operator Outcome<T>(ProblemDetails problem) => new(default, problem);
    }

    /// <summary>One page, in the REST envelope; <c>next</c>/<c>previous</c> are relative links to the list.</summary>
    public async Task<Outcome<TicketPage>> ListAsync(TicketQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var actor = ActingContext.Actor;
        if (TicketVisibility.RefusedFilters(actor, query) is { } refused)
        {
            return InvalidQuery(refused);
        }
        var result = await runner.RunAsync(TicketVisibility.Narrowed(query, actor), cancellationToken);
        if (query.Page > 1 && result.Tickets.Count == 0)
        {
            return TicketProblems.InvalidPage(query.Page).ProblemDetails;
        }
        var hasNext = (long)query.Page * query.PageSize < result.Count;
        return new Outcome<TicketPage>(new TicketPage(
            result.Count,
            hasNext ? Link(query with { Page = query.Page + 1 }) : null,
            query.Page > 1 ? Link(query with { Page = query.Page - 1 }) : null,
            result.Tickets.Select(t => TicketVisibility.Shown(actor, t).ToDto()).ToList()), null);
    }

    /// <summary>How many tickets the query's filters choose (its page and ordering do not matter), or the list's 400 for a filter the person may not use.</summary>
    public async Task<Outcome<long>> CountAsync(TicketQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var actor = ActingContext.Actor;
        if (TicketVisibility.RefusedFilters(actor, query) is { } refused)
        {
            return InvalidQuery(refused);
        }
        return new Outcome<long>((await runner.RunAsync(TicketVisibility.Narrowed(query with { Page = 1, PageSize = 1 }, actor), cancellationToken)).Count, null);
    }

    /// <summary>The ticket, or the 404 a missing one gets when it is missing or someone else's.</summary>
    public async Task<Outcome<TicketDto>> GetAsync(long id, CancellationToken cancellationToken) =>
        await reader.FindAsync(id, cancellationToken) is { } ticket && TicketVisibility.CanSee(ActingContext.Actor, ticket)
            ? Found(ticket)
            : NotFound(id);

    /// <summary>A new OPEN ticket, triaged; title and description are trimmed and checked as a POST body's are.</summary>
    public Task<Outcome<TicketDto>> CreateAsync(string title, string? description, CancellationToken cancellationToken) =>
        CreateAsync(new TicketChanges(title, description ?? "", null), cancellationToken);

    /// <summary>
    /// A new OPEN ticket from every writable field a POST body may carry (status aside), triaged as the REST
    /// face triages it: the fields not given are filled by the offline triager, the given ones are kept as a person's.
    /// </summary>
    public async Task<Outcome<TicketDto>> CreateAsync(TicketChanges changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        changes = Trimmed(changes) with { Title = changes.Title?.Trim() ?? "", Description = changes.Description?.Trim() ?? "", Status = null };
        if (Invalid(changes) is { } problem)
        {
            return problem;
        }
        var (filed, refused) = TicketVisibility.ForFiling(ActingContext.Actor, changes);
        if (refused is not null)
        {
            return Unprocessable(refused);
        }
        changes = filed;
        return Found(await store.CreateAsync(changes, cancellationToken));
    }

    /// <summary>Triage again now (human-set fields kept), as <c>POST /api/tickets/{id}/triage</c> does.</summary>
    public async Task<Outcome<TicketDto>> TriageAsync(long id, CancellationToken cancellationToken) =>
        StaffWriteRefusal() is { } refusal ? refusal : await store.RetriageAsync(id, cancellationToken) switch
        {
            WriteOutcome.Done { Ticket: { } ticket } => Found(ticket),
            WriteOutcome.Contended => TicketProblems.Contended(id).ProblemDetails,
            _ => NotFound(id),
        };

    /// <summary>
    /// A PATCH: the non-null fields change, a status change follows the lifecycle (409 otherwise).
    /// <paramref name="ifMatch"/> is an ETag from <see cref="GetAsync"/>'s version; a stale one is a 412.
    /// </summary>
    public async Task<Outcome<TicketDto>> UpdateAsync(long id, TicketChanges changes, string? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        // Refused before the ticket is looked up, as the REST face's access policy refuses it.
        if (StaffWriteRefusal() is { } refusal)
        {
            return refusal;
        }
        // A missing ticket is reported before anything about the fields, as the REST face does.
        if (await reader.FindAsync(id, cancellationToken) is null)
        {
            return NotFound(id);
        }
        changes = Trimmed(changes);
        if (Invalid(changes) is { } problem)
        {
            return problem;
        }
        return await store.UpdateAsync(id, changes, Precondition(ifMatch), cancellationToken) switch
        {
            WriteOutcome.Done { Ticket: { } ticket } => Found(ticket),
            WriteOutcome.TransitionRefused refused => TicketProblems.TransitionRefused(id, refused.From, refused.To).ProblemDetails,
            WriteOutcome.PreconditionFailed failed => TicketProblems.PreconditionFailed(id, ETags.For(failed.CurrentVersion)).ProblemDetails,
            WriteOutcome.Contended => TicketProblems.Contended(id).ProblemDetails,
            _ => NotFound(id),
        };
    }

    public async Task<Outcome<bool>> DeleteAsync(long id, string? ifMatch, CancellationToken cancellationToken) =>
        StaffWriteRefusal() is { } refusal ? refusal : await store.DeleteAsync(id, Precondition(ifMatch), cancellationToken) switch
        {
            WriteOutcome.Done => new Outcome<bool>(true, null),
            WriteOutcome.PreconditionFailed failed => TicketProblems.PreconditionFailed(id, ETags.For(failed.CurrentVersion)).ProblemDetails,
            WriteOutcome.Contended => TicketProblems.Contended(id).ProblemDetails,
            _ => NotFound(id),
        };

    /// <summary>One page of the ticket's thread, oldest first, as <c>GET /api/tickets/{id}/messages/</c> answers it.</summary>
    public Task<Outcome<TicketMessagePage>> ListMessagesAsync(long ticketId, int page, int pageSize, CancellationToken cancellationToken) =>
        conversations.ListAsync(ticketId, page, pageSize, cancellationToken);

    /// <summary>Adds a message with its lifecycle effects, as <c>POST /api/tickets/{id}/messages/</c> does.</summary>
    public Task<Outcome<TicketMessageDto>> AddMessageAsync(long ticketId, NewTicketMessage message, CancellationToken cancellationToken) =>
        conversations.AddAsync(ticketId, message, cancellationToken);

    private static Outcome<TicketDto> Found(TicketEntity ticket) =>
        new(TicketVisibility.Shown(ActingContext.Actor, ticket).ToDto(), null, ticket.Version);

    /// <summary>The 403 <c>RequireAccess(Access.StaffWrite)</c> answers on REST, for the in-process face that has no policy.</summary>
    private static ProblemDetails? StaffWriteRefusal() =>
        AccessPolicies.Allows(ActingContext.Actor, Access.StaffWrite) ? null
            : TicketProblems.Forbidden("Only support staff with a credential that may write can change, triage or delete a ticket.").ProblemDetails;

    private static ProblemDetails InvalidQuery(Dictionary<string, string[]> errors) =>
        TicketProblems.Fields(StatusCodes.Status400BadRequest, "One or more query parameters are invalid.", errors).ProblemDetails;

    private static ProblemDetails Unprocessable(Dictionary<string, string[]> errors) =>
        TicketProblems.Fields(StatusCodes.Status422UnprocessableEntity, "One or more fields have values a ticket cannot take.", errors).ProblemDetails;

    private static ProblemDetails NotFound(long id) =>
        TicketProblems.NotFound(id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ProblemDetails;

    private static Func<long, bool>? Precondition(string? ifMatch) =>
        ifMatch is null ? null : version => ETags.For(version) == ifMatch;

    private static TicketChanges Trimmed(TicketChanges changes) => changes with
    {
        Title = changes.Title?.Trim(),
        Description = changes.Description?.Trim(),
        RequesterName = changes.RequesterName?.Trim(),
        RequesterEmail = changes.RequesterEmail?.Trim(),
    };

    private static ProblemDetails? Invalid(TicketChanges changes)
    {
        var errors = TicketFieldRules.Errors(changes);
        return errors.Count == 0 ? null : Unprocessable(errors);
    }

    private static string Link(TicketQuery query) => $"/api/tickets/?{TicketQueryParameters.ToQueryString(query)}";
}
