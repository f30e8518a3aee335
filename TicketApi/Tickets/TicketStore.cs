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
    public async Task<WriteOutcome> UpdateAsync(long id, TicketChanges changes, Func<long, bool>? precondition, CancellationToken cancellationToken)
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
            if (changes.Status is { } target && !TicketStatuses.CanMove(ticket.ResolutionStatus, target))
            {
                return new WriteOutcome.TransitionRefused(ticket.ResolutionStatus, target);
            }

            var changed = Apply(ticket, changes);
            if (!changed)
            {
                return new WriteOutcome.Done(ticket);
            }
            ticket.Updated = Now();
            ticket.Version++;
            try
            {
                await gate.RunAsync(() => db.SaveChangesAsync(cancellationToken), cancellationToken);
                db.ChangeTracker.Clear();
                return new WriteOutcome.Done(ticket);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Someone else changed the row between our read and our write: decide again on fresh state.
            }
        }
        db.ChangeTracker.Clear();
        return new WriteOutcome.Contended();
    }

    public async Task<WriteOutcome> DeleteAsync(long id, Func<long, bool>? precondition, CancellationToken cancellationToken)
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
            db.Tickets.Remove(ticket);
            try
            {
                await gate.RunAsync(() => db.SaveChangesAsync(cancellationToken), cancellationToken);
                db.ChangeTracker.Clear();
                return new WriteOutcome.Done(null);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Changed or deleted meanwhile: look again.
            }
        }
        db.ChangeTracker.Clear();
        return new WriteOutcome.Contended();
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
