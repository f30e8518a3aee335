using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using TicketApi.Accounts;
using TicketApi.Contracts;
using TicketApi.Http;
using TicketApi.Querying;
using TicketApi.Tickets;

namespace TicketApi.Conversations;

/// <summary>
/// A ticket's conversation thread with its rules (docs/rest-api.md, "Conversation thread"): the REST
/// endpoints and the in-process <see cref="TicketService"/> both go through it, so both refuse the same
/// things with the same problem details. Scoped, like <see cref="ConversationStore"/>. A requester reads only
/// their own tickets' public messages and adds only customer messages (<see cref="TicketVisibility"/>).
/// </summary>
public sealed class TicketConversations(TicketReader reader, ConversationStore store)
{
    /// <summary>
    /// One page, oldest first, with relative <c>next</c>/<c>previous</c> links (the REST face makes them
    /// absolute). A page size over the maximum is capped, as the ticket list caps it.
    /// </summary>
    public async Task<TicketService.Outcome<TicketMessagePage>> ListAsync(long ticketId, int page, int pageSize, CancellationToken cancellationToken)
    {
        if (PagingErrors(page, pageSize) is { Count: > 0 } errors)
        {
            return TicketProblems.Fields(StatusCodes.Status400BadRequest, "One or more query parameters are invalid.", errors).ProblemDetails;
        }
        pageSize = Math.Min(pageSize, TicketQuery.MaxPageSize);
        var actor = ActingContext.Actor;
        var publicOnly = !TicketVisibility.SeesMessage(actor, TicketMessageKinds.Note);
        if (await store.ListAsync(ticketId, page, pageSize, cancellationToken, ticket => TicketVisibility.CanSee(actor, ticket), publicOnly) is not { } thread)
        {
            return NotFound(ticketId);
        }
        if (page > 1 && thread.Messages.Count == 0)
        {
            return TicketProblems.InvalidPage(page).ProblemDetails;
        }
        var hasNext = (long)page * pageSize < thread.Count;
        return new TicketService.Outcome<TicketMessagePage>(new TicketMessagePage(
            thread.Count,
            hasNext ? Link(ticketId, page + 1, pageSize) : null,
            page > 1 ? Link(ticketId, page - 1, pageSize) : null,
            thread.Messages.Select(m => m.ToDto()).ToList()), null);
    }

    /// <summary>
    /// Adds a message (text trimmed) with its lifecycle effects. A missing ticket is reported before anything
    /// about the message, as the REST face does; a customer message on a CLOSED ticket is a 409.
    /// </summary>
    public async Task<TicketService.Outcome<TicketMessageDto>> AddAsync(long ticketId, NewTicketMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var actor = ActingContext.Actor;
        if (await reader.FindAsync(ticketId, cancellationToken) is not { } ticket || !TicketVisibility.CanSee(actor, ticket))
        {
            return NotFound(ticketId);
        }
        message = TicketMessageRules.Trimmed(message);
        if (TicketMessageRules.Errors(message) is { Count: > 0 } errors)
        {
            return TicketProblems.Fields(StatusCodes.Status422UnprocessableEntity, "One or more fields have values a message cannot take.", errors).ProblemDetails;
        }
        if (!TicketVisibility.MayAdd(actor, message.Kind))
        {
            return TicketProblems.Forbidden(
                $"A requester adds only customer messages to their own tickets; kind '{message.Kind}' is for support staff.").ProblemDetails;
        }
        if (!TicketVisibility.SeesEverything(actor))
        {
            // A requester speaks as themselves, whatever author the body names.
            message = message with { Author = actor.Name };
        }
        return await store.AddAsync(ticketId, message, cancellationToken) switch
        {
            ConversationStore.AddOutcome.Added added => new TicketService.Outcome<TicketMessageDto>(added.Message.ToDto(), null),
            ConversationStore.AddOutcome.TicketClosed => ConversationProblems.TicketClosed(ticketId).ProblemDetails,
            ConversationStore.AddOutcome.Contended => TicketProblems.Contended(ticketId).ProblemDetails,
            _ => NotFound(ticketId),
        };
    }

    /// <summary>The thread's paging rules in the ticket list's words (page from 1, page size from 1).</summary>
    public static Dictionary<string, string[]> PagingErrors(int page, int pageSize)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (page < 1)
        {
            errors[TicketQueryParameters.Keys.Page] = [$"'{page}' is not a page number: use a whole number from 1."];
        }
        if (pageSize < 1)
        {
            errors[TicketQueryParameters.Keys.PageSize] = [$"'{pageSize}' is not a page size: use a whole number from 1 to {TicketQuery.MaxPageSize}."];
        }
        return errors;
    }

    private static ProblemDetails NotFound(long id) =>
        TicketProblems.NotFound(id.ToString(CultureInfo.InvariantCulture)).ProblemDetails;

    private static string Link(long ticketId, int page, int pageSize) =>
        string.Create(CultureInfo.InvariantCulture, $"/api/tickets/{ticketId}/messages/?page={page}&page_size={pageSize}");
}
