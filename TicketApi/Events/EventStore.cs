using Microsoft.EntityFrameworkCore;
using TicketApi.Accounts;
using TicketApi.Data;

namespace TicketApi.Events;

/// <summary>
/// Reads the live events a caller may see and keeps the table bounded (docs/accounts.md, "Live events"). Scoped,
/// like the ticket stores: a stream takes a fresh scope per look, so it holds no pooled context while it waits.
/// </summary>
public sealed class EventStore(TicketDbContext db, WriteGate gate)
{
    /// <summary>The newest event's id, or 0 for none: where a stream that asks for no history starts.</summary>
    public async Task<long> LatestIdAsync(CancellationToken cancellationToken) =>
        await db.Set<TicketEvent>().MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;

    /// <summary>The highest id the pruner removed: a client resuming from an id below it missed events.</summary>
    public Task<long> PrunedThroughAsync(CancellationToken cancellationToken) =>
        db.Database.SqlQueryRaw<long>("SELECT through AS \"Value\" FROM ticket_events_pruned WHERE id = 1").SingleAsync(cancellationToken);

    /// <summary>Events after <paramref name="after"/>, oldest first, up to <paramref name="take"/>, whoever may see them: the caller filters, so its cursor passes events it may not see.</summary>
    public Task<List<TicketEvent>> AfterAsync(long after, int take, CancellationToken cancellationToken) =>
        db.Set<TicketEvent>().Where(e => e.Id > after).OrderBy(e => e.Id).Take(take).ToListAsync(cancellationToken);

    /// <summary>
    /// Staff see every event; anyone else only their own tickets' (the ticket's requester e-mail is theirs), and
    /// never notes or drafts (docs/accounts.md, "Roles").
    /// </summary>
    public static bool MaySee(Actor actor, TicketEvent ticketEvent)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(ticketEvent);
        return actor.IsStaff || (!ticketEvent.StaffOnly && actor.Email is { Length: > 0 } email &&
            string.Equals(ticketEvent.RequesterEmail, email, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Removes all but the newest <paramref name="keep"/> ids and records how far it removed. One transaction
    /// (on SQLite through the write gate); returns how many rows went.
    /// </summary>
    public Task<int> PruneAsync(int keep, CancellationToken cancellationToken) =>
        gate.RunAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var cut = await LatestIdAsync(cancellationToken) - keep;
            if (cut <= await PrunedThroughAsync(cancellationToken))
            {
                return 0;
            }
            var removed = await db.Set<TicketEvent>().Where(e => e.Id <= cut).ExecuteDeleteAsync(cancellationToken);
            await db.Database.ExecuteSqlAsync($"UPDATE ticket_events_pruned SET through = {cut} WHERE id = 1", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return removed;
        }, cancellationToken);
}
