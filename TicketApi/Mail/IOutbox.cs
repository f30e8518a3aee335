using TicketApi.Conversations;
using TicketApi.Data;

namespace TicketApi.Mail;

/// <summary>
/// Stages email in the durable outbox as part of the caller's unit of work: call it inside the transaction
/// that makes the change, before <c>SaveChangesAsync</c>, so the mail exists exactly when the change does. A
/// background sender delivers it later with retries. Nothing here sends: a reply is staged only by the
/// approval of a draft (docs/drafts.md).
/// </summary>
public interface IOutbox
{
    /// <summary>The approved reply to the ticket's requester; nothing when the ticket has no requester email.</summary>
    void StageReply(TicketDbContext db, TicketEntity ticket, TicketMessageEntity reply);

    /// <summary>The notice that the ticket was resolved or closed; nothing when it has no requester email.</summary>
    void StageStatusNotice(TicketDbContext db, TicketEntity ticket);
}
