using TicketApi.Accounts;
using TicketApi.Assignment;
using TicketApi.Contracts;
using TicketApi.Drafts;
using TicketApi.Http;
using TicketApi.KnowledgeBase;
using TicketApi.Querying;
using TicketApi.Tickets;

namespace AgentHost.Tickets;

/// <summary>
/// <see cref="ITicketService"/> inside the host's own process: each call takes a scope and calls TicketApi's
/// <see cref="TicketService"/> (its store, reader, query runner, field rules and lifecycle), with no loopback
/// HTTP and no in-memory server in between. Refusals carry the REST problem details' words.
/// </summary>
public sealed class InProcessTicketService(IServiceScopeFactory scopes) : ITicketService
{
    public Task<TicketApiResult<TicketPage>> ListAsync(TicketQuery query, CancellationToken cancellationToken) =>
        RunAsync(service => service.ListAsync(query, cancellationToken));

    public Task<TicketApiResult<long>> CountAsync(TicketQuery query, CancellationToken cancellationToken) =>
        RunAsync(service => service.CountAsync(query, cancellationToken));

    public Task<TicketApiResult<TicketDto>> GetAsync(long id, CancellationToken cancellationToken) =>
        RunAsync(service => service.GetAsync(id, cancellationToken));

    public Task<TicketApiResult<TicketDto>> CreateAsync(string title, string? description, CancellationToken cancellationToken) =>
        RunAsync(service => service.CreateAsync(title, description, cancellationToken));

    public Task<TicketApiResult<TicketDto>> UpdateAsync(long id, string? title, string? description, CancellationToken cancellationToken) =>
        RunAsync(service => service.UpdateAsync(id, new TicketChanges(title, description, null), null, cancellationToken));

    public Task<TicketApiResult<TicketDto>> SetStatusAsync(long id, TicketStatus status, CancellationToken cancellationToken) =>
        RunAsync(service => service.UpdateAsync(id, new TicketChanges(null, null, status), null, cancellationToken));

    public Task<TicketApiResult<TicketDto>> CreateAsync(TicketChanges ticket, CancellationToken cancellationToken) =>
        RunAsync(service => service.CreateAsync(ticket, cancellationToken));

    public Task<TicketApiResult<TicketDto>> UpdateAsync(long id, TicketChanges changes, CancellationToken cancellationToken) =>
        RunAsync(service => service.UpdateAsync(id, changes, null, cancellationToken));

    public Task<TicketApiResult<TicketDto>> TriageAsync(long id, CancellationToken cancellationToken) =>
        RunAsync(service => service.TriageAsync(id, cancellationToken));

    public Task<TicketApiResult<TicketMessagePage>> ListMessagesAsync(long ticketId, int page, int pageSize, CancellationToken cancellationToken) =>
        RunAsync(service => service.ListMessagesAsync(ticketId, page, pageSize, cancellationToken));

    public Task<TicketApiResult<TicketMessageDto>> AddMessageAsync(long ticketId, NewTicketMessage message, CancellationToken cancellationToken) =>
        RunAsync(service => service.AddMessageAsync(ticketId, message, cancellationToken));

    /// <summary>Staff only, as <c>PUT /api/tickets/{id}/assignee</c> requires: the chat's or MCP client's person must be an agent or admin.</summary>
    public async Task<TicketApiResult<TicketDto>> AssignAsync(long id, string? assignee, CancellationToken cancellationToken)
    {
        if (!AccessPolicies.Allows(ActingContext.Actor, Access.StaffWrite))
        {
            return TicketApiResult.Failure<TicketDto>(new TicketProblem(StatusCodes.Status403Forbidden, "Only agents and admins assign tickets."));
        }
        return await RunAsync<TicketAssignments, TicketDto>(async assignments =>
        {
            var (ticket, problem) = await assignments.AssignAsync(id, assignee, precondition: null, cancellationToken);
            return ticket is null
                ? new TicketService.Outcome<TicketDto>(null, problem!.ProblemDetails)
                : new TicketService.Outcome<TicketDto>(ticket.ToDto(), null, ticket.Version);
        });
    }

    public Task<TicketApiResult<bool>> DeleteAsync(long id, string? ifMatch, CancellationToken cancellationToken) =>
        RunAsync(service => service.DeleteAsync(id, ifMatch, cancellationToken));

    public Task<TicketApiResult<ArticlePage>> SearchArticlesAsync(string text, string? category, int limit, CancellationToken cancellationToken) =>
        RunAsync<ArticleService, ArticlePage>(articles => articles.SearchAsync(text, category, limit, cancellationToken));

    public Task<TicketApiResult<ArticleDto>> GetArticleAsync(long id, CancellationToken cancellationToken) =>
        RunAsync<ArticleService, ArticleDto>(articles => articles.GetAsync(id, cancellationToken));

    public Task<TicketApiResult<DraftDto>> GetDraftAsync(long id, CancellationToken cancellationToken) =>
        StaffOnly<DraftDto>(Access.StaffRead) ?? RunAsync<TicketDrafts, DraftDto>(drafts => drafts.GetAsync(id, cancellationToken));

    public Task<TicketApiResult<DraftDto>> DraftReplyAsync(long id, string? instruction, CancellationToken cancellationToken) =>
        StaffOnly<DraftDto>(Access.StaffWrite) ?? RunAsync<TicketDrafts, DraftDto>(async drafts =>
        {
            var outcome = await drafts.GenerateAsync(id, instruction, replyText: null, cancellationToken);
            return new TicketService.Outcome<DraftDto>(outcome.Value?.Draft, outcome.Problem, outcome.Version);
        });

    /// <summary>In-process the approval comes from an MCP client (the chat has no send tool), so the reply's channel is mcp.</summary>
    public Task<TicketApiResult<TicketMessageDto>> SendDraftAsync(long id, bool resolve, CancellationToken cancellationToken) =>
        StaffOnly<TicketMessageDto>(Access.StaffWrite) ?? RunAsync<TicketDrafts, TicketMessageDto>(drafts =>
            drafts.SendAsync(id, new DraftApproval(resolve), ifMatch: null, TicketMessageChannels.Mcp, cancellationToken));

    /// <summary>
    /// Drafts are the staff's (their tech instructions above all): the REST routes' policy, for the in-process face that
    /// has none, so a requester's MCP resource read or tool call cannot reach one (docs/accounts.md, "Visibility").
    /// </summary>
    private static Task<TicketApiResult<T>>? StaffOnly<T>(Access access) =>
        AccessPolicies.Allows(ActingContext.Actor, access) ? null
            : Task.FromResult(TicketApiResult.Failure<T>(TicketProblem.From(
                TicketProblems.Forbidden("Drafts are for support staff only.").ProblemDetails)));

    private Task<TicketApiResult<T>> RunAsync<T>(Func<TicketService, Task<TicketService.Outcome<T>>> call) => RunAsync<TicketService, T>(call);

    private async Task<TicketApiResult<T>> RunAsync<TService, T>(Func<TService, Task<TicketService.Outcome<T>>> call) where TService : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        var outcome = await call(scope.ServiceProvider.GetRequiredService<TService>());
        return outcome.Problem is { } problem
            ? TicketApiResult.Failure<T>(TicketProblem.From(problem))
            : TicketApiResult.Success(outcome.Value!, outcome.Version is { } version ? ETags.For(version) : null);
    }
}
