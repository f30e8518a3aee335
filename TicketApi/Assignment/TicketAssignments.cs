using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TicketApi.Audit;
using TicketApi.Data;
using TicketApi.Http;
using TicketApi.Tickets;

namespace TicketApi.Assignment;

/// <summary>
/// Assigns tickets (docs/accounts.md, "Assignment"). The write is optimistic, as <see cref="TicketStore"/>'s are:
/// one UPDATE conditional on the version that was read, re-decided on the fresh row when another write won; the
/// change is reported to the <see cref="ChangeJournal"/> in the same transaction, so the audit row exists exactly
/// when the assignment does. Assigning the person already assigned changes nothing (no write, same ETag).
/// </summary>
public sealed class TicketAssignments(TicketDbContext db, TicketReader reader, TimeProvider clock, WriteGate gate, ChangeJournal journal,
    AssigneeDirectory directory)
{
    private const int MaxAttempts = 50;

    /// <param name="requested"><c>me</c>, a person's id or email address, or null to unassign.</param>
    /// <param name="precondition">Checks the current version (If-Match); null when the client sent none.</param>
    public async Task<(TicketEntity? Ticket, ProblemHttpResult? Problem)> AssignAsync(
        long id, string? requested, Func<long, bool>? precondition, CancellationToken cancellationToken)
    {
        // A missing ticket is reported before anything about the person, as the ticket's other writes do.
        if (await reader.FindAsync(id, cancellationToken) is null)
        {
            return (null, TicketProblems.NotFound(Text(id)));
        }
        var (assignee, refused) = await directory.ResolveAsync(requested);
        if (refused is not null)
        {
            return (null, refused);
        }
        return await WriteAsync(id, assignee, precondition, cancellationToken) switch
        {
            WriteOutcome.Done { Ticket: { } ticket } => (ticket, null),
            WriteOutcome.PreconditionFailed failed => (null, TicketProblems.PreconditionFailed(id, ETags.For(failed.CurrentVersion))),
            WriteOutcome.Contended => (null, TicketProblems.Contended(id)),
            _ => (null, TicketProblems.NotFound(Text(id))),
        };
    }

    private async Task<WriteOutcome> WriteAsync(long id, TicketAssignee? assignee, Func<long, bool>? precondition, CancellationToken cancellationToken)
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
            if (current.AssigneeId == assignee?.Id)
            {
                return new WriteOutcome.Done(current);
            }
            var next = current.Copy();
            next.AssigneeId = assignee?.Id;
            next.AssigneeName = assignee?.Name;
            next.Updated = Now();
            next.Version = current.Version + 1;
            if (await gate.RunAsync(() => UpdateAsync(current, next, cancellationToken), cancellationToken))
            {
                return new WriteOutcome.Done(next);
            }
        }
        return new WriteOutcome.Contended();
    }

    private async Task<bool> UpdateAsync(TicketEntity current, TicketEntity next, CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var written = await db.Tickets
                .Where(t => t.Id == current.Id && t.Version == current.Version)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(t => t.AssigneeId, next.AssigneeId)
                    .SetProperty(t => t.AssigneeName, next.AssigneeName)
                    .SetProperty(t => t.Updated, next.Updated)
                    .SetProperty(t => t.Version, next.Version), cancellationToken);
            if (written != 1)
            {
                return false; // someone wrote first: rolled back as the transaction is disposed, decided again
            }
            journal.Stage(db, new TicketChange(current.Id, TicketActions.Assigned,
                [new FieldChange("assignee", current.AssigneeId, next.AssigneeId)], next, current), next.Updated);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private static string Text(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Microsecond precision, as <see cref="TicketStore"/> stores every timestamp.</summary>
    private DateTime Now()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - now.Ticks % 10, DateTimeKind.Utc);
    }
}
