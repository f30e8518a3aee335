using Microsoft.EntityFrameworkCore;
using TicketApi.Audit;
using TicketApi.Contracts;
using TicketApi.Data;
using TicketApi.Tickets;

namespace TicketApi.Conversations;

/// <summary>
/// Reads and writes ticket threads. A message and the change it makes to its ticket (a reopen, the first
/// response time) are one transaction, and the ticket part is conditional on the version the decision was
/// made on, as every ticket write is (docs/storage.md, "Concurrency"): when the ticket moved in between, the
/// decision is made again on its new state, so a customer message can never land on a ticket that was closed
/// meanwhile, nor two first replies both set <c>first_response_at</c>. What the <see cref="ChangeJournal"/> records of
/// the message (docs/accounts.md, "Audit") is in the same transaction.
/// </summary>
public sealed class ConversationStore(TicketDbContext db, TicketReader reader, TimeProvider clock, WriteGate gate, ChangeJournal journal)
{
    private const int MaxAttempts = 50;

    /// <summary>One page of a thread, oldest first, and how many messages it has in all.</summary>
    public sealed record ThreadPage(long Count, IReadOnlyList<TicketMessageEntity> Messages);

    /// <summary>What became of a new message.</summary>
    public abstract record AddOutcome
    {
        private AddOutcome() { }

        /// <param name="Ticket">The ticket as the message left it, or null when the message changed nothing on it.</param>
        public sealed record Added(TicketMessageEntity Message, TicketEntity? Ticket) : AddOutcome;
        public sealed record NotFound : AddOutcome;
        public sealed record TicketClosed : AddOutcome;
        public sealed record Contended : AddOutcome;
    }

    /// <summary>The page, or null when the ticket does not exist or <paramref name="visible"/> says it is not the reader's to see.</summary>
    /// <param name="publicOnly">Customer messages and replies only, never notes: a requester's view (docs/accounts.md, "Visibility").</param>
    public async Task<ThreadPage?> ListAsync(long ticketId, int page, int pageSize, CancellationToken cancellationToken,
        Func<TicketEntity, bool>? visible = null, bool publicOnly = false)
    {
        if (await reader.FindAsync(ticketId, cancellationToken) is not { } ticket || (visible is not null && !visible(ticket)))
        {
            return null;
        }
        var thread = db.Messages.Where(m => m.TicketId == ticketId);
        if (publicOnly)
        {
            thread = thread.Where(m => m.Kind != TicketMessageKinds.Note);
        }
        var count = await thread.LongCountAsync(cancellationToken);
        var skip = (long)(page - 1) * pageSize;
        if (skip >= count)
        {
            return new ThreadPage(count, []);
        }
        var messages = await thread.OrderBy(m => m.Id).Skip((int)skip).Take(pageSize).ToListAsync(cancellationToken);
        return new ThreadPage(count, messages);
    }

    /// <param name="message">Checked and trimmed already (<see cref="TicketMessageRules"/>).</param>
    /// <param name="alongside">More writes for the same transaction (a channel's mark of what it imported: docs/channels.md).</param>
    public async Task<AddOutcome> AddAsync(long ticketId, NewTicketMessage message, CancellationToken cancellationToken,
        Func<TicketDbContext, CancellationToken, Task>? alongside = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        for (var round = 0; round < MaxAttempts; round++)
        {
            if (await reader.FindAsync(ticketId, cancellationToken) is not { } current)
            {
                return new AddOutcome.NotFound();
            }
            if (message.Kind == TicketMessageKinds.Customer && current.ResolutionStatus == TicketStatus.Closed)
            {
                return new AddOutcome.TicketClosed();
            }
            var now = Now();
            var next = Effect(current, message.Kind, now);
            var entity = new TicketMessageEntity
            {
                TicketId = ticketId,
                Kind = message.Kind,
                Author = message.Author,
                Body = message.Body,
                Created = now,
                Channel = message.Channel,
            };
            if (await gate.RunAsync(() => TryWriteAsync(current, next, entity, alongside, cancellationToken), cancellationToken))
            {
                return new AddOutcome.Added(entity, next);
            }
        }
        return new AddOutcome.Contended();
    }

    /// <summary>
    /// What the message does to its ticket (docs/rest-api.md, "Conversation thread"), or null for nothing: a
    /// customer message reopens a RESOLVED ticket as any reopen does (<c>resolved_at</c> keeps the last
    /// resolution); the first reply sets <c>first_response_at</c>. Either moves <c>updated</c> and the version.
    /// </summary>
    private static TicketEntity? Effect(TicketEntity current, string kind, DateTime now)
    {
        var reopens = kind == TicketMessageKinds.Customer && current.ResolutionStatus == TicketStatus.Resolved;
        var firstResponse = kind == TicketMessageKinds.Reply && current.FirstResponseAt is null;
        if (!reopens && !firstResponse)
        {
            return null;
        }
        var next = current.Copy();
        next.Updated = now;
        next.Version = current.Version + 1;
        if (reopens)
        {
            next.ResolutionStatus = TicketStatus.Open;
        }
        if (firstResponse)
        {
            next.FirstResponseAt = now;
        }
        return next;
    }

    /// <summary>
    /// The ticket statement first, conditional on the version that was read; when the message changes nothing
    /// on the ticket it still touches the row (<c>version = version</c>), which on PostgreSQL holds the row
    /// until commit so no status change slips in between. False, with nothing written, when the ticket moved.
    /// </summary>
    private async Task<bool> TryWriteAsync(TicketEntity current, TicketEntity? next, TicketMessageEntity message,
        Func<TicketDbContext, CancellationToken, Task>? alongside, CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var ticket = db.Tickets.Where(t => t.Id == current.Id && t.Version == current.Version);
            var rows = next is null
                ? await ticket.ExecuteUpdateAsync(set => set.SetProperty(t => t.Version, t => t.Version), cancellationToken)
                : await ticket.ExecuteUpdateAsync(set => set
                    .SetProperty(t => t.ResolutionStatus, next.ResolutionStatus)
                    .SetProperty(t => t.FirstResponseAt, next.FirstResponseAt)
                    .SetProperty(t => t.Updated, next.Updated)
                    .SetProperty(t => t.Version, next.Version), cancellationToken);
            if (rows != 1)
            {
                return false; // rolled back as the transaction is disposed
            }
            db.Messages.Add(message);
            await db.SaveChangesAsync(cancellationToken); // the message's id, which the journal's rows name
            if (alongside is not null)
            {
                await alongside(db, cancellationToken);
            }
            journal.Stage(db, TicketDiff.MessageAdded(current, next ?? current, message), message.Created);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Microsecond precision, as every stored timestamp (what the API shows is what is stored).</summary>
    private DateTime Now()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - now.Ticks % 10, DateTimeKind.Utc);
    }
}
