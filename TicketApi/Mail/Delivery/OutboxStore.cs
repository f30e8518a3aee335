using Microsoft.EntityFrameworkCore;
using TicketApi.Data;

namespace TicketApi.Mail.Delivery;

/// <summary>
/// The sender's side of the outbox table (docs/mail.md, "Delivery"). A row is claimed by one conditional
/// UPDATE (still due, not claimed by a live lease), so of two senders on one database exactly one wins it;
/// the outcome is written only while the claim is still the writer's (its token), so a sender that lost its
/// lease cannot overwrite the next one's result.
/// </summary>
public sealed class OutboxStore(TicketDbContext db, WriteGate gate, TimeProvider clock)
{
    private const int MaxErrorLength = 1000;

    /// <summary>A claimed row: the mail and the token that proves the claim.</summary>
    public sealed record Claim(OutboxMail Mail, string Token);

    /// <summary>Up to <paramref name="count"/> due mails, oldest due first, each claimed for <paramref name="lease"/>.</summary>
    public async Task<List<Claim>> ClaimDueAsync(int count, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = Now();
        var due = await Due(db.Outbox, now)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .Select(m => m.Id)
            .Take(count)
            .ToListAsync(cancellationToken);
        var claims = new List<Claim>();
        foreach (var id in due)
        {
            var token = Guid.NewGuid().ToString("N");
            var leaseUntil = now + lease;
            var won = await gate.RunAsync(() => Due(db.Outbox.Where(m => m.Id == id), now)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(m => m.Status, OutboxMailStatuses.Sending)
                    .SetProperty(m => m.ClaimToken, token)
                    .SetProperty(m => m.LeaseUntil, leaseUntil)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken), cancellationToken);
            if (won == 1 && await db.Outbox.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken) is { } mail)
            {
                claims.Add(new Claim(mail, token));
            }
        }
        return claims;
    }

    /// <summary>The server accepted the mail. False when the claim had been lost meanwhile (then another sender owns the row).</summary>
    public async Task<bool> MarkSentAsync(Claim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var now = Now();
        return await gate.RunAsync(() => Held(claim).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.Status, OutboxMailStatuses.Sent)
            .SetProperty(m => m.SentAt, now)
            .SetProperty(m => m.ClaimToken, (string?)null)
            .SetProperty(m => m.LeaseUntil, (DateTime?)null), cancellationToken), cancellationToken) == 1;
    }

    /// <summary>
    /// The attempt failed: back to <c>QUEUED</c> until <paramref name="retryAfter"/> from now, or <c>FAILED</c>
    /// when <paramref name="retryAfter"/> is null (no attempt left, or a refusal a retry cannot change).
    /// </summary>
    public async Task<bool> MarkFailedAsync(Claim claim, string error, TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(error);
        var now = Now();
        var status = retryAfter is null ? OutboxMailStatuses.Failed : OutboxMailStatuses.Queued;
        var next = retryAfter is { } delay ? now + delay : now;
        var message = error.Length <= MaxErrorLength ? error : error[..MaxErrorLength];
        return await gate.RunAsync(() => Held(claim).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.Status, status)
            .SetProperty(m => m.NextAttemptAt, next)
            .SetProperty(m => m.LastError, message)
            .SetProperty(m => m.ClaimToken, (string?)null)
            .SetProperty(m => m.LeaseUntil, (DateTime?)null), cancellationToken), cancellationToken) == 1;
    }

    /// <summary>When the next mail falls due (a retry, or a lease running out), or null when none waits.</summary>
    public async Task<DateTime?> NextDueAsync(CancellationToken cancellationToken)
    {
        var retry = await db.Outbox.Where(m => m.Status == OutboxMailStatuses.Queued)
            .OrderBy(m => m.NextAttemptAt).Select(m => (DateTime?)m.NextAttemptAt).FirstOrDefaultAsync(cancellationToken);
        var lease = await db.Outbox.Where(m => m.Status == OutboxMailStatuses.Sending)
            .OrderBy(m => m.LeaseUntil).Select(m => m.LeaseUntil).FirstOrDefaultAsync(cancellationToken);
        return retry is null ? lease : lease is null ? retry : retry < lease ? retry : lease;
    }

    /// <summary>Queued and due, or claimed under a lease that ran out (its sender stopped mid-delivery).</summary>
    private static IQueryable<OutboxMail> Due(IQueryable<OutboxMail> rows, DateTime now) =>
        rows.Where(m => (m.Status == OutboxMailStatuses.Queued && m.NextAttemptAt <= now) ||
                        (m.Status == OutboxMailStatuses.Sending && m.LeaseUntil < now));

    private IQueryable<OutboxMail> Held(Claim claim) =>
        db.Outbox.Where(m => m.Id == claim.Mail.Id && m.Status == OutboxMailStatuses.Sending && m.ClaimToken == claim.Token);

    private DateTime Now()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - now.Ticks % 10, DateTimeKind.Utc);
    }
}
