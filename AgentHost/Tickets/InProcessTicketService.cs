using TicketApi.Contracts;
using TicketApi.Http;
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

    public async Task<TicketApiResult<long>> CountAsync(TicketQuery query, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var count = await scope.ServiceProvider.GetRequiredService<TicketService>().CountAsync(query, cancellationToken);
        return TicketApiResult.Success(count);
    }

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

    public Task<TicketApiResult<bool>> DeleteAsync(long id, string? ifMatch, CancellationToken cancellationToken) =>
        RunAsync(service => service.DeleteAsync(id, ifMatch, cancellationToken));

    private async Task<TicketApiResult<T>> RunAsync<T>(Func<TicketService, Task<TicketService.Outcome<T>>> call)
    {
        await using var scope = scopes.CreateAsyncScope();
        var outcome = await call(scope.ServiceProvider.GetRequiredService<TicketService>());
        return outcome.Problem is { } problem
            ? TicketApiResult.Failure<T>(TicketProblem.From(problem))
            : TicketApiResult.Success(outcome.Value!, outcome.Version is { } version ? ETags.For(version) : null);
    }
}
