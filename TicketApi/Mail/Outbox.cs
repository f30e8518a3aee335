using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TicketApi.Contracts;
using TicketApi.Conversations;
using TicketApi.Data;

namespace TicketApi.Mail;

/// <summary>
/// Stages mail as outbox rows in the caller's unit of work (docs/mail.md, "What is mailed"). Everything that
/// goes on the wire is fixed here, the Message-ID included, so every retry sends the very same mail and a
/// receiver can drop a duplicate by its Message-ID. The rows are due at once; <see cref="OutboxCommitSignal"/>
/// wakes the sender when the transaction that holds them commits.
/// </summary>
/// <param name="ratingLinks">Where the resolved notice's rating link comes from (docs/accounts.md, "Satisfaction"); none, no link.</param>
public sealed class Outbox(MailSettings settings, TimeProvider clock, Ratings.RatingLinks? ratingLinks = null) : IOutbox
{
    public void StageReply(TicketDbContext db, TicketEntity ticket, TicketMessageEntity reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        Stage(db, ticket, OutboxMailKinds.Reply, reply.Body);
    }

    public void StageStatusNotice(TicketDbContext db, TicketEntity ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        switch (ticket.ResolutionStatus)
        {
            case TicketStatus.Resolved:
                Stage(db, ticket, OutboxMailKinds.Resolved, MailText.ResolvedNotice(ticket, RatingLink(ticket)));
                break;
            case TicketStatus.Closed:
                Stage(db, ticket, OutboxMailKinds.Closed, MailText.ClosedNotice(ticket));
                break;
            default:
                throw new ArgumentException($"A status notice is for a RESOLVED or CLOSED ticket, not {TicketStatuses.ToWire(ticket.ResolutionStatus)}.", nameof(ticket));
        }
    }

    /// <summary>A ticket not rated yet, with a requester address: their signed link to the rating page.</summary>
    private string? RatingLink(TicketEntity ticket) =>
        ticket.RatingScore is null && !string.IsNullOrWhiteSpace(ticket.RequesterEmail) ? ratingLinks?.LinkFor(ticket.Id, ticket.RequesterEmail) : null;

    private void Stage(TicketDbContext db, TicketEntity ticket, string kind, string body)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(ticket);
        if (string.IsNullOrWhiteSpace(ticket.RequesterEmail))
        {
            return;
        }
        var now = Now();
        db.Outbox.Add(new OutboxMail
        {
            TicketId = ticket.Id,
            Kind = kind,
            ToAddress = ticket.RequesterEmail.Trim(),
            ToName = ticket.RequesterName,
            Subject = MailText.Subject(ticket),
            Body = body,
            // The reply's own id is not known before SaveChanges, so a random part makes the id unique; it is
            // stored, never made again, which is what keeps a retried mail the same mail.
            MessageId = string.Create(CultureInfo.InvariantCulture, $"<ticket-{ticket.Id}.{kind}.{Guid.NewGuid():N}@{settings.Domain}>"),
            InReplyTo = RequesterMailAnswered(db, ticket.Id) ?? ThreadRoot(ticket.Id),
            Status = OutboxMailStatuses.Queued,
            NextAttemptAt = now,
            Created = now,
        });
    }

    /// <summary>
    /// The Message-ID every mail about the ticket answers: no mail carries it, but mail clients thread on a
    /// shared root in In-Reply-To/References, and a requester's answer carries it back (docs/mail.md, "Headers").
    /// </summary>
    public string ThreadRoot(long ticketId) => ThreadRoot(ticketId, settings.Domain);

    /// <summary>The thread root of a ticket for a desk whose Message-IDs end in <paramref name="domain"/>.</summary>
    public static string ThreadRoot(long ticketId, string domain) => string.Create(CultureInfo.InvariantCulture, $"<ticket-{ticketId}@{domain}>");

    /// <summary>
    /// For a ticket that came by mail, the Message-ID of the requester's latest mail on it: the desk's mail answers
    /// that one (In-Reply-To), so the requester's mail client threads it under their own (docs/channels.md, "Threading").
    /// </summary>
    private static string? RequesterMailAnswered(TicketDbContext db, long ticketId) =>
        db.Set<Channels.Mail.MailImport>().AsNoTracking()
            .Where(m => m.TicketId == ticketId && m.MessageId != null && m.Outcome != Channels.Mail.MailImportOutcomes.Ignored)
            .OrderByDescending(m => m.Id).Select(m => m.MessageId).FirstOrDefault();

    private DateTime Now()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - now.Ticks % 10, DateTimeKind.Utc);
    }
}
