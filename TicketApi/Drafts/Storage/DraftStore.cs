using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TicketApi.Audit;
using TicketApi.Data;

namespace TicketApi.Drafts.Storage;

/// <summary>
/// Reads and writes a ticket's draft versions (docs/drafts.md, "Storage"). The current draft is the newest
/// version while its status is DRAFT. Every write is one transaction that first takes the ticket's row (a
/// no-op update, as a thread message does: docs/storage.md, "Concurrency"), so the writes of one ticket's
/// drafts and its approval happen one after the other and each decides on what the one before left: a
/// refinement of a version that was replaced meanwhile is refused, never stored on top of the newer one.
/// Writing a version never moves the ticket's own version (its ETag): a draft is not a change to the ticket, but
/// the journal records it (<c>draft_written</c>, <c>draft_discarded</c>: docs/accounts.md, "Audit") in the same transaction.
/// </summary>
public sealed class DraftStore(TicketDbContext db, TimeProvider clock, WriteGate gate, ChangeJournal journal)
{
    /// <summary>What became of a new version or a discard.</summary>
    public abstract record WriteOutcome
    {
        private WriteOutcome() { }

        /// <param name="Replaced">True when the ticket had a current draft that this version supersedes.</param>
        public sealed record Saved(DraftEntity Draft, bool Replaced) : WriteOutcome;
        public sealed record TicketNotFound : WriteOutcome;

        /// <summary>The ticket has no current draft (none yet, or the newest was sent or discarded).</summary>
        public sealed record NoCurrentDraft : WriteOutcome;

        /// <summary>The current draft is not the version the change was based on (If-Match, or a concurrent writer).</summary>
        public sealed record Stale(long CurrentVersion) : WriteOutcome;
    }

    public Task<DraftEntity?> NewestAsync(long ticketId, CancellationToken cancellationToken) =>
        db.Drafts.Where(d => d.TicketId == ticketId).OrderByDescending(d => d.Version).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The current draft, or null when the ticket has none.</summary>
    public async Task<DraftEntity?> CurrentAsync(long ticketId, CancellationToken cancellationToken) =>
        await NewestAsync(ticketId, cancellationToken) is { Status: DraftStatuses.Draft } current ? current : null;

    /// <summary>One page of every version, newest first, and how many there are.</summary>
    public async Task<(long Count, IReadOnlyList<DraftEntity> Drafts)> HistoryAsync(long ticketId, int page, int pageSize, CancellationToken cancellationToken)
    {
        var versions = db.Drafts.Where(d => d.TicketId == ticketId);
        var count = await versions.LongCountAsync(cancellationToken);
        var skip = (long)(page - 1) * pageSize;
        if (skip >= count)
        {
            return (count, []);
        }
        return (count, await versions.OrderByDescending(d => d.Version).Skip((int)skip).Take(pageSize).ToListAsync(cancellationToken));
    }

    /// <summary>
    /// Stores <paramref name="draft"/> as the ticket's newest version. <paramref name="basedOn"/> is the version a
    /// refinement or an edit started from: it must still be the current draft. A fresh draft (null) supersedes
    /// whatever is current.
    /// </summary>
    public Task<WriteOutcome> AddVersionAsync(long ticketId, long? basedOn, DraftEntity draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return InTicketTransactionAsync(ticketId, async (ticket, newest) =>
        {
            var current = newest is { Status: DraftStatuses.Draft } ? newest : null;
            if (basedOn is { } version)
            {
                if (current is null)
                {
                    return new WriteOutcome.NoCurrentDraft();
                }
                if (current.Version != version)
                {
                    return new WriteOutcome.Stale(current.Version);
                }
            }
            var now = Now();
            draft.TicketId = ticketId;
            draft.Version = (newest?.Version ?? 0) + 1;
            draft.Status = DraftStatuses.Draft;
            draft.Created = now;
            draft.Updated = now;
            db.Drafts.Add(draft);
            journal.Stage(db, new TicketChange(ticketId, TicketActions.DraftWritten,
                [new FieldChange("draft_version", Number(current?.Version), Number(draft.Version))], ticket, ticket), now);
            await db.SaveChangesAsync(cancellationToken);
            return new WriteOutcome.Saved(draft, current is not null);
        }, cancellationToken);
    }

    /// <summary>Marks the current draft DISCARDED; <paramref name="precondition"/> checks its version (If-Match).</summary>
    public Task<WriteOutcome> DiscardAsync(long ticketId, Func<long, bool>? precondition, CancellationToken cancellationToken) =>
        InTicketTransactionAsync(ticketId, async (ticket, newest) =>
        {
            if (newest is not { Status: DraftStatuses.Draft } current)
            {
                return new WriteOutcome.NoCurrentDraft();
            }
            if (precondition is not null && !precondition(current.Version))
            {
                return new WriteOutcome.Stale(current.Version);
            }
            current.Status = DraftStatuses.Discarded;
            current.Updated = Now();
            await MarkAsync(current, cancellationToken);
            journal.Stage(db, new TicketChange(ticketId, TicketActions.DraftDiscarded,
                [new FieldChange("draft_version", Number(current.Version), null)], ticket, ticket), current.Updated);
            await db.SaveChangesAsync(cancellationToken);
            return new WriteOutcome.Saved(current, true);
        }, cancellationToken);

    /// <summary>Moves a DRAFT version's status (SENT, DISCARDED) in the caller's transaction.</summary>
    internal Task MarkAsync(DraftEntity draft, CancellationToken cancellationToken) =>
        db.Drafts
            .Where(d => d.TicketId == draft.TicketId && d.Version == draft.Version && d.Status == DraftStatuses.Draft)
            .ExecuteUpdateAsync(set => set.SetProperty(d => d.Status, draft.Status).SetProperty(d => d.Updated, draft.Updated), cancellationToken);

    /// <summary>
    /// Runs <paramref name="decide"/> on the newest version inside a transaction that holds the ticket's row, and
    /// commits what it wrote unless its answer is a refusal.
    /// </summary>
    private Task<WriteOutcome> InTicketTransactionAsync(long ticketId, Func<TicketEntity, DraftEntity?, Task<WriteOutcome>> decide, CancellationToken cancellationToken) =>
        gate.RunAsync(async () =>
        {
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var held = await db.Tickets.Where(t => t.Id == ticketId)
                    .ExecuteUpdateAsync(set => set.SetProperty(t => t.Version, t => t.Version), cancellationToken);
                if (held != 1)
                {
                    return new WriteOutcome.TicketNotFound();
                }
                // Read under the hold: the journal's rows say whose ticket it is (the live events' visibility).
                var ticket = await db.Tickets.SingleAsync(t => t.Id == ticketId, cancellationToken);
                var outcome = await decide(ticket, await NewestAsync(ticketId, cancellationToken));
                if (outcome is WriteOutcome.Saved)
                {
                    await transaction.CommitAsync(cancellationToken);
                }
                return outcome; // anything else rolls back as the transaction is disposed
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }, cancellationToken);

    private static string? Number(long? version) => version?.ToString(CultureInfo.InvariantCulture);

    /// <summary>Microsecond precision, as every stored timestamp.</summary>
    internal DateTime Now()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - now.Ticks % 10, DateTimeKind.Utc);
    }
}
