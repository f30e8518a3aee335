using Microsoft.EntityFrameworkCore;
using TicketApi.Contracts;
using TicketApi.Data;

namespace TicketApi.Tickets;

/// <summary>
/// Writes tickets (reads of one ticket are <see cref="TicketReader"/>'s). Writes are optimistic: each UPDATE/DELETE is conditional on the row's
/// version, so a status check and its write are atomic; a lost race re-reads and decides again against
/// the state that won, exactly as if the requests had arrived one after the other.
/// </summary>
public sealed class TicketStore(TicketDbContext db, TimeProvider clock, WriteGate gate)
{
    private const int MaxAttempts = 50;

    public async Task<TicketEntity> CreateAsync(string title, string description, CancellationToken cancellationToken)
    {
        var now = Now();
        var ticket = new TicketEntity
        {
            Title = title,
            Description = description,
            Created = now,
            Updated = now,
            ResolutionStatus = TicketStatus.Open,
        };
        db.Tickets.Add(ticket);
        await gate.RunAsync(() => db.SaveChangesAsync(cancellationToken), cancellationToken);
        db.ChangeTracker.Clear();
        return ticket;
    }

    /// <param name="precondition">Checks the current version (If-Match); null when the client sent none.</param>
    public Task<WriteOutcome> UpdateAsync(long id, TicketChanges changes, Func<long, bool>? precondition, CancellationToken cancellationToken) =>
        WriteOptimisticallyAsync(id, precondition, ticket =>
        {
            if (changes.Status is { } target && !TicketStatuses.CanMove(ticket.ResolutionStatus, target))
            {
                return new WriteOutcome.TransitionRefused(ticket.ResolutionStatus, target);
            }
            if (!Apply(ticket, changes))
            {
                return new WriteOutcome.Done(ticket); // nothing changes: no write, same ETag
            }
            ticket.Updated = Now();
            ticket.Version++;
            return null;
        }, ticket => new WriteOutcome.Done(ticket), cancellationToken);

    public Task<WriteOutcome> DeleteAsync(long id, Func<long, bool>? precondition, CancellationToken cancellationToken) =>
        WriteOptimisticallyAsync(id, precondition, ticket =>
        {
            db.Tickets.Remove(ticket);
            return null;
        }, _ => new WriteOutcome.Done(null), cancellationToken);

    /// <summary>
    /// Reads the ticket, lets <paramref name="decide"/> either answer at once or stage a change (by
    /// returning null), and writes conditionally on the version it read. A lost race (someone changed
    /// the row between our read and our write) decides again on the fresh state.
    /// </summary>
    private async Task<WriteOutcome> WriteOptimisticallyAsync(
        long id, Func<long, bool>? precondition, Func<TicketEntity, WriteOutcome?> decide,
        Func<TicketEntity, WriteOutcome> written, CancellationToken cancellationToken)
    {
        try
        {
            for (var attempt = 0; attempt < MaxAttempts; attempt++)
            {
                db.ChangeTracker.Clear();
                var ticket = await db.Tickets.AsTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
                if (ticket is null)
                {
                    return new WriteOutcome.NotFound();
                }
                if (precondition is not null && !precondition(ticket.Version))
                {
                    return new WriteOutcome.PreconditionFailed(ticket.Version);
                }
                if (decide(ticket) is { } answer)
                {
                    return answer;
                }
                try
                {
                    await gate.RunAsync(() => db.SaveChangesAsync(cancellationToken), cancellationToken);
                    return written(ticket);
                }
                catch (DbUpdateConcurrencyException)
                {
                    // Lost the race: look again.
                }
            }
            return new WriteOutcome.Contended();
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private static bool Apply(TicketEntity ticket, TicketChanges changes)
    {
        var changed = false;
        if (changes.Title is { } title && title != ticket.Title)
        {
            ticket.Title = title;
            changed = true;
        }
        if (changes.Description is { } description && description != ticket.Description)
        {
            ticket.Description = description;
            changed = true;
        }
        if (changes.Status is { } status && status != ticket.ResolutionStatus)
        {
            ticket.ResolutionStatus = status;
            changed = true;
        }
        return changed;
    }

    /// <summary>Microsecond precision: what the API shows is exactly what is stored and filtered on.</summary>
    private DateTime Now()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - now.Ticks % 10, DateTimeKind.Utc);
    }
}
