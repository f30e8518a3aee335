using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using TicketApi.Accounts;
using TicketApi.Audit;
using TicketApi.Contracts;
using TicketApi.Data;
using TicketApi.Mail;
using TicketApi.ModelTriage;
using TicketApi.Triage;

namespace TicketApi.Tickets;

/// <summary>
/// Writes tickets. Writes are optimistic: each UPDATE/DELETE is a single statement conditional on the
/// version that was read (EF's ExecuteUpdate/ExecuteDelete), so a status check and its write are atomic
/// on either store and across processes; a lost race re-reads and decides again against the state that
/// won, exactly as if the requests had arrived one after the other (docs/storage.md, "Concurrency").
/// Each write is one transaction with what the <see cref="ChangeJournal"/> records of it (the audit row, the
/// live event: docs/accounts.md, "Audit"), so a write that loses its race or is refused records nothing.
/// </summary>
public sealed partial class TicketStore(TicketDbContext db, TicketReader reader, TimeProvider clock, WriteGate gate, OfflineTriager triager,
    ModelTriageInbox modelTriage, IOutbox outbox, ChangeJournal journal, TriageOnCreate triageOnCreate)
{
    private const int MaxAttempts = 50;

    /// <summary>
    /// A new OPEN ticket, triaged before it is stored: the offline triager fills priority, category and
    /// sentiment; a priority or category the request set is kept with source <c>human</c> (docs/triage.md).
    /// With a model configured the record is <c>pending</c> and the ticket is queued for the model once
    /// stored; the create never waits for it.
    /// </summary>
    /// <param name="alongside">More writes for the same transaction, given the new ticket's id (a channel's link to its source: docs/channels.md).</param>
    public async Task<TicketEntity> CreateAsync(TicketChanges changes, CancellationToken cancellationToken,
        Func<TicketDbContext, long, CancellationToken, Task>? alongside = null)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var now = Now();
        var ticket = new TicketEntity
        {
            Title = changes.Title ?? "",
            Description = changes.Description ?? "",
            Created = now,
            Updated = now,
            ResolutionStatus = TicketStatus.Open,
            RequesterName = Optional(changes.RequesterName),
            RequesterEmail = Optional(changes.RequesterEmail),
            // Whoever files it owns it, whatever address it names (docs/accounts.md, "Visibility").
            FiledBy = ActingContext.Actor is { IsAnonymous: false } actor ? actor.Id : null,
            Channel = ActingContext.Current.Channel,
        };
        if (triageOnCreate.Enabled)
        {
            var triage = TicketTriaging.Run(triager, ticket, kept: null, now, RulesStatus);
            ticket.Apply(TicketTriaging.WithHuman(triage, changes.Priority, changes.Category));
        }
        return await InsertAsync(ticket, alongside, cancellationToken);
    }

    /// <summary>
    /// Stores a new ticket as it stands, in one transaction with the journal's rows, then queues it for the
    /// model. The second half of <see cref="CreateAsync"/>; bench/TriageCost stores untriaged tickets through
    /// it, so its "without triage" side is this same path with nothing but the triage left out.
    /// </summary>
    internal async Task<TicketEntity> InsertAsync(TicketEntity ticket, Func<TicketDbContext, long, CancellationToken, Task>? alongside, CancellationToken cancellationToken)
    {
        var now = ticket.Created;
        db.Tickets.Add(ticket);
        try
        {
            await gate.RunAsync(async () =>
            {
                await using var transaction = await BeginWriteAsync(cancellationToken);
                await db.SaveChangesAsync(cancellationToken); // the ticket's id, which the journal's rows name
                if (alongside is not null)
                {
                    await alongside(db, ticket.Id, cancellationToken);
                }
                journal.Stage(db, TicketDiff.Created(ticket), now);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return true;
            }, cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
        modelTriage.Enqueue(ticket.Id);
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
            return await WriteAsync(current, next, TicketActions.Updated, cancellationToken) ? new WriteOutcome.Done(next) : null;
        }, cancellationToken);

    /// <summary>
    /// One statement, conditional on the version that was read: false, with nothing written, when someone wrote
    /// first. In the same transaction: what the journal records of the change (as <paramref name="action"/>, or
    /// <c>status_changed</c> when the status moved) and, for a move to RESOLVED or CLOSED, the notice to the
    /// requester, so each exists exactly when the change does (docs/mail.md, "What is mailed").
    /// </summary>
    private Task<bool> WriteAsync(TicketEntity current, TicketEntity next, string action, CancellationToken cancellationToken) =>
        gate.RunAsync(async () =>
        {
            try
            {
                await using var transaction = await BeginWriteAsync(cancellationToken);
                if (await UpdateAsync(current, next, cancellationToken) != 1)
                {
                    return false; // rolled back as the transaction is disposed
                }
                if (next.ResolutionStatus != current.ResolutionStatus && next.ResolutionStatus != TicketStatus.Open && next.RequesterEmail is not null)
                {
                    outbox.StageStatusNotice(db, next);
                }
                journal.Stage(db, TicketDiff.Changed(current, next, action), next.Updated);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return true;
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }, cancellationToken);

    /// <summary>
    /// The transaction of one write, without EF's automatic savepoints: those wrap every SaveChanges inside a
    /// transaction in SAVEPOINT and RELEASE, two more statements each (four per create), so that a caller could go
    /// on in the transaction after a failed save. No write here does: a failed save ends the write, and the
    /// <c>await using</c> rolls the whole transaction back. Set per write because a pooled context turns them back on
    /// when it is returned to the pool.
    /// </summary>
    private Task<IDbContextTransaction> BeginWriteAsync(CancellationToken cancellationToken)
    {
        db.Database.AutoSavepointsEnabled = false;
        return db.Database.BeginTransactionAsync(cancellationToken);
    }

    private Task<int> UpdateAsync(TicketEntity current, TicketEntity next, CancellationToken cancellationToken) =>
        db.Tickets
            .Where(t => t.Id == current.Id && t.Version == current.Version)
            .ExecuteUpdateAsync(set => set
                .SetProperty(t => t.Title, next.Title)
                .SetProperty(t => t.Description, next.Description)
                .SetProperty(t => t.ResolutionStatus, next.ResolutionStatus)
                .SetProperty(t => t.Priority, next.Priority)
                .SetProperty(t => t.Category, next.Category)
                .SetProperty(t => t.Sentiment, next.Sentiment)
                .SetProperty(t => t.RequesterName, next.RequesterName)
                .SetProperty(t => t.RequesterEmail, next.RequesterEmail)
                .SetProperty(t => t.Triage, next.Triage)
                .SetProperty(t => t.ResolvedAt, next.ResolvedAt)
                .SetProperty(t => t.ClosedAt, next.ClosedAt)
                .SetProperty(t => t.Updated, next.Updated)
                .SetProperty(t => t.Version, next.Version), cancellationToken);

    public Task<WriteOutcome> DeleteAsync(long id, Func<long, bool>? precondition, CancellationToken cancellationToken) =>
        WriteOptimisticallyAsync(id, precondition, current => gate.RunAsync<WriteOutcome?>(async () =>
        {
            try
            {
                await using var transaction = await BeginWriteAsync(cancellationToken);
                if (await db.Tickets.Where(t => t.Id == id && t.Version == current.Version).ExecuteDeleteAsync(cancellationToken) != 1)
                {
                    return null; // rolled back as the transaction is disposed
                }
                journal.Stage(db, TicketDiff.Deleted(current), Now());
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return new WriteOutcome.Done(null);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }, cancellationToken), cancellationToken);

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

    /// <summary>
    /// The ticket as the changes leave it (a new version), or null when they change nothing. A priority or
    /// category that differs from the stored one becomes the person's (source <c>human</c>); sending the
    /// value the ticket already has changes nothing, so a GET-edit-PUT round trip claims no choice. Moves to
    /// RESOLVED set <c>resolved_at</c>, the move to CLOSED <c>closed_at</c>.
    /// </summary>
    private TicketEntity? Changed(TicketEntity current, TicketChanges changes)
    {
        var next = current.Copy();
        next.Title = changes.Title ?? current.Title;
        next.Description = changes.Description ?? current.Description;
        next.ResolutionStatus = changes.Status ?? current.ResolutionStatus;
        next.RequesterName = changes.RequesterName is null ? current.RequesterName : Optional(changes.RequesterName);
        next.RequesterEmail = changes.RequesterEmail is null ? current.RequesterEmail : Optional(changes.RequesterEmail);
        var priority = changes.Priority is { } p && p != TicketLabels.PriorityName(current.Priority) ? p : null;
        var category = changes.Category is { } c && c != current.Category ? c : null;

        if (next.Title == current.Title && next.Description == current.Description && next.ResolutionStatus == current.ResolutionStatus &&
            next.RequesterName == current.RequesterName && next.RequesterEmail == current.RequesterEmail && priority is null && category is null)
        {
            return null;
        }
        next.Updated = Now();
        next.Version = current.Version + 1;
        if (priority is not null || category is not null)
        {
            var record = current.TriageRecord ?? TicketTriaging.Run(triager, current, kept: null, next.Updated);
            next.Apply(TicketTriaging.WithHuman(record, priority, category));
        }
        if (next.ResolutionStatus != current.ResolutionStatus)
        {
            switch (next.ResolutionStatus)
            {
                case TicketStatus.Resolved:
                    next.ResolvedAt = next.Updated;
                    break;
                case TicketStatus.Closed:
                    next.ClosedAt = next.Updated;
                    break;
            }
        }
        return next;
    }

    /// <summary>Requester fields are null when unknown; "" in a write clears them.</summary>
    private static string? Optional(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>Microsecond precision: what the API shows is exactly what is stored and filtered on.</summary>
    private DateTime Now()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - now.Ticks % 10, DateTimeKind.Utc);
    }
}
