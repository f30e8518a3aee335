using Microsoft.EntityFrameworkCore;
using TicketApi.Audit;
using TicketApi.Contracts;
using TicketApi.Data;
using TicketApi.Tickets;

namespace TicketApi.Ratings;

/// <summary>What became of a rating.</summary>
public abstract record RateOutcome
{
    private RateOutcome() { }

    public sealed record Done(TicketEntity Ticket) : RateOutcome;
    public sealed record NotFound : RateOutcome;

    /// <summary>The ticket is not RESOLVED or CLOSED yet: there is nothing to rate.</summary>
    public sealed record NotResolved(TicketStatus Status) : RateOutcome;

    /// <summary>The ticket was rated already; a rating is given once.</summary>
    public sealed record AlreadyRated(TicketRating Rating) : RateOutcome;
    public sealed record Contended : RateOutcome;
}

/// <summary>
/// Records ratings (docs/accounts.md, "Satisfaction"): one UPDATE conditional on the version that was read, so
/// "once" and "only after resolution" hold against any concurrent write on either store; the journal entry
/// (<see cref="TicketActions.Rated"/>) commits with it. Who may rate is the caller's to decide.
/// </summary>
public sealed class TicketRatings(TicketDbContext db, TicketReader reader, TimeProvider clock, WriteGate gate, ChangeJournal journal)
{
    private const int MaxAttempts = 50;

    public async Task<RateOutcome> RateAsync(long id, int score, string? comment, CancellationToken cancellationToken)
    {
        for (var round = 0; round < MaxAttempts; round++)
        {
            if (await reader.FindAsync(id, cancellationToken) is not { } current)
            {
                return new RateOutcome.NotFound();
            }
            if (current.Rating is { } given)
            {
                return new RateOutcome.AlreadyRated(given);
            }
            if (current.ResolutionStatus == TicketStatus.Open)
            {
                return new RateOutcome.NotResolved(current.ResolutionStatus);
            }
            var next = current.Copy();
            next.RatingScore = score;
            next.RatingComment = comment;
            next.Updated = Now();
            next.RatedAt = next.Updated;
            next.Version = current.Version + 1;
            if (await gate.RunAsync(() => UpdateAsync(current, next, cancellationToken), cancellationToken))
            {
                return new RateOutcome.Done(next);
            }
        }
        return new RateOutcome.Contended();
    }

    private async Task<bool> UpdateAsync(TicketEntity current, TicketEntity next, CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var written = await db.Tickets
                .Where(t => t.Id == current.Id && t.Version == current.Version && t.RatingScore == null)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(t => t.RatingScore, next.RatingScore)
                    .SetProperty(t => t.RatingComment, next.RatingComment)
                    .SetProperty(t => t.RatedAt, next.RatedAt)
                    .SetProperty(t => t.Updated, next.Updated)
                    .SetProperty(t => t.Version, next.Version), cancellationToken);
            if (written != 1)
            {
                return false; // another write won: decided again on the fresh row
            }
            journal.Stage(db, new TicketChange(current.Id, TicketActions.Rated,
                [new FieldChange("rating", null, next.RatingScore!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))], next, current),
                next.Updated);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Microsecond precision, as <see cref="TicketStore"/> stores every timestamp.</summary>
    private DateTime Now()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - now.Ticks % 10, DateTimeKind.Utc);
    }
}
