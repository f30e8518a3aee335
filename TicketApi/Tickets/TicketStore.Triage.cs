using Microsoft.EntityFrameworkCore;
using TicketApi.Audit;
using TicketApi.Contracts;
using TicketApi.Data;
using TicketApi.ModelTriage;

namespace TicketApi.Tickets;

/// <summary>The store's triage writes: a re-triage on request, a model's answer settled, and what is still pending for the model (docs/triage.md).</summary>
public sealed partial class TicketStore
{
    /// <summary>How a pending record's JSON text starts (<see cref="TicketTriage"/> serialises <c>status</c> first).</summary>
    private const string PendingPrefix = "{\"status\":\"" + TicketTriage.Pending + "\"";

    /// <summary>
    /// Triages the ticket again now (<c>POST /api/tickets/{id}/triage</c>): fields a person set stay as
    /// they are, the others take the triager's answer for the current title and description. Always a
    /// write (the record's <c>triaged_at</c> moves), so the version moves too. With a model configured the
    /// rules answer now, the record is <c>pending</c> again and the ticket is queued for the model.
    /// </summary>
    public async Task<WriteOutcome> RetriageAsync(long id, CancellationToken cancellationToken)
    {
        var outcome = await WriteOptimisticallyAsync(id, precondition: null, async current =>
        {
            var next = current.Copy();
            next.Updated = Now();
            next.Version = current.Version + 1;
            next.Apply(TicketTriaging.Run(triager, current, current.TriageRecord, next.Updated, RulesStatus));
            return await WriteAsync(current, next, TicketActions.Triaged, cancellationToken) ? new WriteOutcome.Done(next) : null;
        }, cancellationToken);
        if (outcome is WriteOutcome.Done)
        {
            modelTriage.Enqueue(id);
        }
        return outcome;
    }

    /// <summary>
    /// Settles a model triage (<see cref="ModelTriageWorker"/>): <paramref name="settle"/> sees the row as it
    /// is now and returns the record to store, or null to leave the ticket alone. The write is conditional on
    /// the version <paramref name="settle"/> saw; if a person wrote in between, it is asked again on the fresh
    /// row, so a value a person set meanwhile is never overwritten. The version moves (the values changed).
    /// </summary>
    public Task<WriteOutcome> SettleTriageAsync(long id, Func<TicketEntity, DateTime, TicketTriage?> settle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settle);
        return WriteOptimisticallyAsync(id, precondition: null, async current =>
        {
            var now = Now();
            if (settle(current, now) is not { } record)
            {
                return new WriteOutcome.Done(current);
            }
            var next = current.Copy();
            next.Updated = now;
            next.Version = current.Version + 1;
            next.Apply(record);
            return await WriteAsync(current, next, TicketActions.Triaged, cancellationToken) ? new WriteOutcome.Done(next) : null;
        }, cancellationToken);
    }

    /// <summary>
    /// Ids of tickets whose triage is <c>pending</c>, after <paramref name="after"/> in id order: what a stop
    /// left for the model. A scan of the <c>triage</c> text (no index): it runs at start and after an overflow only.
    /// </summary>
    public Task<List<long>> PendingTriageAsync(long after, int count, CancellationToken cancellationToken) =>
        db.Tickets
            .Where(t => t.Id > after && t.Triage != null && t.Triage.StartsWith(PendingPrefix))
            .OrderBy(t => t.Id)
            .Select(t => t.Id)
            .Take(count)
            .ToListAsync(cancellationToken);

    /// <summary>The status the rules' answer is stored with: <c>pending</c> while a model is to be asked.</summary>
    private string RulesStatus => modelTriage.Enabled ? TicketTriage.Pending : TicketTriage.Done;
}
