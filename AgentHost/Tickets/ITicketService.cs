using TicketApi.Contracts;
using TicketApi.Drafts;
using TicketApi.KnowledgeBase;
using TicketApi.Querying;
using TicketApi.Tickets;

namespace AgentHost.Tickets;

/// <summary>
/// The one seam between the agent's tools and the ticket service. Embedded (the default, and MCP stdio) it is
/// <see cref="InProcessTicketService"/>, which calls the service's own code; with <c>TICKET_API_URL</c> it is
/// <see cref="TicketApiClient"/> over HTTP. Both answer refusals (404, 409, 412, 422) and exhausted retries as
/// a <see cref="TicketProblem"/> with the REST contract's wording, never as exceptions; both pass
/// <c>TicketServiceContractTests</c>. Queries are TicketApi's own <see cref="TicketQuery"/>, so filter names
/// exist once (<see cref="TicketQueryParameters"/>).
/// </summary>
public interface ITicketService
{
    Task<TicketApiResult<TicketPage>> ListAsync(TicketQuery query, CancellationToken cancellationToken);

    /// <summary>How many tickets the query's filters choose; its page and ordering are ignored.</summary>
    Task<TicketApiResult<long>> CountAsync(TicketQuery query, CancellationToken cancellationToken);

    /// <summary>The ticket and its ETag (for a guarded <see cref="DeleteAsync"/>).</summary>
    Task<TicketApiResult<TicketDto>> GetAsync(long id, CancellationToken cancellationToken);

    Task<TicketApiResult<TicketDto>> CreateAsync(string title, string? description, CancellationToken cancellationToken);

    /// <summary>Changes the non-null fields; at least one should be given.</summary>
    Task<TicketApiResult<TicketDto>> UpdateAsync(long id, string? title, string? description, CancellationToken cancellationToken);

    /// <summary>
    /// A new ticket from every writable field (status aside): the fields not given are triaged, the given ones
    /// are kept as a person's.
    /// </summary>
    Task<TicketApiResult<TicketDto>> CreateAsync(TicketChanges ticket, CancellationToken cancellationToken);

    /// <summary>Changes the non-null fields of <paramref name="changes"/>, a status move included (lifecycle rules apply).</summary>
    Task<TicketApiResult<TicketDto>> UpdateAsync(long id, TicketChanges changes, CancellationToken cancellationToken);

    /// <summary>Triage again now; fields a person set are kept.</summary>
    Task<TicketApiResult<TicketDto>> TriageAsync(long id, CancellationToken cancellationToken);

    /// <summary>One page of the ticket's conversation thread, oldest first.</summary>
    Task<TicketApiResult<TicketMessagePage>> ListMessagesAsync(long ticketId, int page, int pageSize, CancellationToken cancellationToken);

    /// <summary>Adds a message to the thread, with its lifecycle effects (docs/rest-api.md, "Conversation thread").</summary>
    Task<TicketApiResult<TicketMessageDto>> AddMessageAsync(long ticketId, NewTicketMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Assigns the ticket to <paramref name="assignee"/> (<c>me</c>, a person's id or email address) or, with null,
    /// unassigns it (docs/accounts.md, "Assignment"): 404 unknown ticket, 422 not an agent or admin, 403 for a caller
    /// who is not staff.
    /// </summary>
    Task<TicketApiResult<TicketDto>> AssignAsync(long id, string? assignee, CancellationToken cancellationToken);

    /// <summary>A lifecycle move; a refused one is a 409 naming the allowed targets.</summary>
    Task<TicketApiResult<TicketDto>> SetStatusAsync(long id, TicketStatus status, CancellationToken cancellationToken);

    /// <summary>Deletes, guarded by <paramref name="ifMatch"/> (an ETag from <see cref="GetAsync"/>) when given.</summary>
    Task<TicketApiResult<bool>> DeleteAsync(long id, string? ifMatch, CancellationToken cancellationToken);

    /// <summary>Knowledge-base articles for <paramref name="text"/>, best first (<c>GET /api/articles/?search=</c>; docs/knowledge-base.md).</summary>
    Task<TicketApiResult<ArticlePage>> SearchArticlesAsync(string text, string? category, int limit, CancellationToken cancellationToken);

    /// <summary>One article, internal notes included (staff only: docs/tools.md, "Knowledge base").</summary>
    Task<TicketApiResult<ArticleDto>> GetArticleAsync(long id, CancellationToken cancellationToken);

    /// <summary>The ticket's current draft reply and its ETag; 404 naming whether the ticket or the draft is missing (docs/drafts.md).</summary>
    Task<TicketApiResult<DraftDto>> GetDraftAsync(long id, CancellationToken cancellationToken);

    /// <summary>
    /// A fresh draft reply (no <paramref name="instruction"/>) or a refinement of the current one; sends nothing.
    /// A refinement without a current draft is a 409.
    /// </summary>
    Task<TicketApiResult<DraftDto>> DraftReplyAsync(long id, string? instruction, CancellationToken cancellationToken);

    /// <summary>
    /// The approval: the current draft joins the thread as a reply and is queued for the requester; with
    /// <paramref name="resolve"/> the ticket also moves to RESOLVED. 409 without a current draft or on a CLOSED ticket.
    /// </summary>
    Task<TicketApiResult<TicketMessageDto>> SendDraftAsync(long id, bool resolve, CancellationToken cancellationToken);
}
