using Microsoft.EntityFrameworkCore;
using TicketApi.Audit;
using TicketApi.Contracts;
using TicketApi.Conversations;
using TicketApi.Data;
using TicketApi.Mail;
using TicketApi.Tickets;

namespace TicketApi.Drafts.Storage;

/// <summary>
/// The approval of a draft (docs/drafts.md, "Sending"): in ONE transaction, conditional on the ticket's
/// version as every ticket write is (docs/storage.md, "Concurrency"), the reply joins the thread, the ticket
/// changes as a reply changes it (first_response_at) and, when asked, moves to RESOLVED, the draft becomes
/// SENT and the outbox stages the email(s). When the ticket moved in between the decision is made again on
/// its new state, so a draft is never sent onto a ticket closed meanwhile, and of two approvals of one draft
/// exactly one wins (the other finds no current draft). The journal's record of the approval (docs/accounts.md,
/// "Audit") is in the same transaction.
/// </summary>
public sealed class DraftSender(TicketDbContext db, TicketReader reader, DraftStore drafts, WriteGate gate, IOutbox outbox, ChangeJournal journal)
{
    private const int MaxAttempts = 50;

    public abstract record SendOutcome
    {
        private SendOutcome() { }

        public sealed record Sent(TicketMessageEntity Message, DraftEntity Draft, TicketEntity Ticket) : SendOutcome;
        public sealed record TicketNotFound : SendOutcome;
        public sealed record TicketClosed : SendOutcome;
        public sealed record NoCurrentDraft : SendOutcome;
        public sealed record Stale(long CurrentVersion) : SendOutcome;
        public sealed record TransitionRefused(TicketStatus From, TicketStatus To) : SendOutcome;
        public sealed record Contended : SendOutcome;
    }

    /// <param name="precondition">Checks the current draft's version (the body's <c>version</c> or If-Match); null for none.</param>
    /// <param name="author">Trimmed and checked already; null when not given.</param>
    public async Task<SendOutcome> SendAsync(long ticketId, bool resolve, string? author, Func<long, bool>? precondition,
        string channel, CancellationToken cancellationToken)
    {
        for (var round = 0; round < MaxAttempts; round++)
        {
            if (await reader.FindAsync(ticketId, cancellationToken) is not { } current)
            {
                return new SendOutcome.TicketNotFound();
            }
            if (current.ResolutionStatus == TicketStatus.Closed)
            {
                return new SendOutcome.TicketClosed();
            }
            if (resolve && !TicketStatuses.CanMove(current.ResolutionStatus, TicketStatus.Resolved))
            {
                return new SendOutcome.TransitionRefused(current.ResolutionStatus, TicketStatus.Resolved);
            }
            if (await gate.RunAsync(() => TryWriteAsync(current, resolve, author, precondition, channel, cancellationToken), cancellationToken) is { } outcome)
            {
                return outcome;
            }
        }
        return new SendOutcome.Contended();
    }

    /// <summary>The outcome, or null (nothing written) when the ticket moved since it was read.</summary>
    private async Task<SendOutcome?> TryWriteAsync(TicketEntity current, bool resolve, string? author, Func<long, bool>? precondition,
        string channel, CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = drafts.Now();
            var next = Effect(current, resolve, now);
            var ticket = db.Tickets.Where(t => t.Id == current.Id && t.Version == current.Version);
            var rows = next == current
                ? await ticket.ExecuteUpdateAsync(set => set.SetProperty(t => t.Version, t => t.Version), cancellationToken)
                : await ticket.ExecuteUpdateAsync(set => set
                    .SetProperty(t => t.ResolutionStatus, next.ResolutionStatus)
                    .SetProperty(t => t.FirstResponseAt, next.FirstResponseAt)
                    .SetProperty(t => t.ResolvedAt, next.ResolvedAt)
                    .SetProperty(t => t.Updated, next.Updated)
                    .SetProperty(t => t.Version, next.Version), cancellationToken);
            if (rows != 1)
            {
                return null; // rolled back as the transaction is disposed
            }
            // The ticket's row is held now, so no other draft write of this ticket is between the read and the commit.
            if (await drafts.CurrentAsync(current.Id, cancellationToken) is not { } draft)
            {
                return new SendOutcome.NoCurrentDraft();
            }
            if (precondition is not null && !precondition(draft.Version))
            {
                return new SendOutcome.Stale(draft.Version);
            }
            draft.Status = DraftStatuses.Sent;
            draft.Updated = now;
            await drafts.MarkAsync(draft, cancellationToken);
            var message = new TicketMessageEntity
            {
                TicketId = current.Id,
                Kind = TicketMessageKinds.Reply,
                Author = author,
                Body = draft.Reply,
                Created = now,
                Channel = channel,
            };
            db.Messages.Add(message);
            outbox.StageReply(db, next, message);
            if (next.ResolutionStatus != current.ResolutionStatus)
            {
                outbox.StageStatusNotice(db, next);
            }
            await db.SaveChangesAsync(cancellationToken); // the message's id, which the journal's rows name
            var change = TicketDiff.MessageAdded(current, next, message, TicketActions.DraftSent);
            journal.Stage(db, change with { Fields = [.. change.Fields, new FieldChange("draft_version", null, draft.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))] }, now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new SendOutcome.Sent(message, draft, next);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// The ticket as the approval leaves it, or <paramref name="current"/> itself when nothing on it changes: the
    /// first reply sets first_response_at (as a reply message does), resolve moves an OPEN ticket to RESOLVED
    /// with resolved_at (a RESOLVED one stays as it is: setting the current status is a no-op).
    /// </summary>
    private static TicketEntity Effect(TicketEntity current, bool resolve, DateTime now)
    {
        var firstResponse = current.FirstResponseAt is null;
        var resolves = resolve && current.ResolutionStatus != TicketStatus.Resolved;
        if (!firstResponse && !resolves)
        {
            return current;
        }
        var next = current.Copy();
        next.Updated = now;
        next.Version = current.Version + 1;
        if (firstResponse)
        {
            next.FirstResponseAt = now;
        }
        if (resolves)
        {
            next.ResolutionStatus = TicketStatus.Resolved;
            next.ResolvedAt = now;
        }
        return next;
    }
}
