using Microsoft.EntityFrameworkCore;
using TicketApi.Contracts;
using TicketApi.Data;

namespace TicketApi.Tickets;

/// <summary>
/// Writes tickets. Writes are optimistic: each UPDATE/DELETE is a single statement conditional on the
/// version that was read (EF's ExecuteUpdate/ExecuteDelete), so a status check and its write are atomic
/// on either store and across processes; a lost race re-reads and decides again against the state that
/// won, exactly as if the requests had arrived one after the other (docs/storage.md, "Concurrency").
/// </summary>
public sealed class TicketStore(TicketDbContext db, TicketReader reader, TimeProvider clock, WriteGate gate)
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
        try
        {
            await gate.RunAsync(() => db.SaveChangesAsync(cancellationToken), cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
        return ticket;
    }

    /// <param name="precondition">Checks the current version (If-Match); null when the client sent none.</param>
    public Task<WriteOutcome> UpdateAsync(long id, TicketChanges changes, Func<long, bool>? precondition, CancellationToken cancellationToken) =>
        WriteOptimisticallyAsync(id, precondition, async current =>
        {
            if (changes.Status is { } target && !TicketStatuses.CanMove(current.ResolutionStatus, target))
            {
                return new WriteOutcome.TransitionRefused(current.ResolutionStatus, target);
            }
            if (Changed(current, changes) is not { } next)
            {
                return new WriteOutcome.Done(current); // nothing changes: no write, same ETag
            }
            var written = await gate.RunAsync(() => db.Tickets
                .Where(t => t.Id == id && t.Version == current.Version)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(t => t.Title, next.Title)
                    .SetProperty(t => t.Description, next.Description)
                    .SetProperty(t => t.ResolutionStatus, next.ResolutionStatus)
                    .SetProperty(t => t.Updated, next.Updated)
                    .SetProperty(t => t.Version, next.Version), cancellationToken), cancellationToken);
            return written == 1 ? new WriteOutcome.Done(next) : null;
        }, cancellationToken);

    public Task<WriteOutcome> DeleteAsync(long id, Func<long, bool>? precondition, CancellationToken cancellationToken) =>
        WriteOptimisticallyAsync(id, precondition, async current =>
        {
            var deleted = await gate.RunAsync(() => db.Tickets
                .Where(t => t.Id == id && t.Version == current.Version)
                .ExecuteDeleteAsync(cancellationToken), cancellationToken);
            return deleted == 1 ? new WriteOutcome.Done(null) : null;
        }, cancellationToken);

    /// <summary>
    /// Reads the ticket and lets <paramref name="attempt"/> answer, which it does by writing conditionally
    /// on the version it was shown; null means that write found the row changed (or gone) since, so the
    /// whole decision is made again on the fresh state.
    /// </summary>
    private async Task<WriteOutcome> WriteOptimisticallyAsync(
        long id, Func<long, bool>? precondition, Func<TicketEntity, Task<WriteOutcome?>> attempt, CancellationToken cancellationToken)
    {
        for (var round = 0; round < MaxAttempts; round++)
        {
            if (await reader.FindAsync(id, cancellationToken) is not { } current)
            {
                return new WriteOutcome.NotFound();
            }
            if (precondition is not null && !precondition(current.Version))
            {
                return new WriteOutcome.PreconditionFailed(current.Version);
            }
            if (await attempt(current) is { } outcome)
            {
                return outcome;
            }
        }
        return new WriteOutcome.Contended();
    }

    /// <summary>The ticket as the changes leave it (a new version), or null when they change nothing.</summary>
    private TicketEntity? Changed(TicketEntity current, TicketChanges changes)
    {
        var next = new TicketEntity
        {
            Id = current.Id,
            Title = changes.Title ?? current.Title,
            Description = changes.Description ?? current.Description,
            ResolutionStatus = changes.Status ?? current.ResolutionStatus,
            Created = current.Created,
            Updated = current.Updated,
            Version = current.Version,
        };
        if (next.Title == current.Title && next.Description == current.Description && next.ResolutionStatus == current.ResolutionStatus)
        {
            return null;
        }
        next.Updated = Now();
        next.Version = current.Version + 1;
        return next;
    }

    /// <summary>Microsecond precision: what the API shows is exactly what is stored and filtered on.</summary>
    private DateTime Now()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - now.Ticks % 10, DateTimeKind.Utc);
    }
}
