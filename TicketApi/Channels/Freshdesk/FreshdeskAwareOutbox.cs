using System.Net;
using TicketApi.Contracts;
using TicketApi.Conversations;
using TicketApi.Data;
using TicketApi.Mail;

namespace TicketApi.Channels.Freshdesk;

/// <summary>
/// The outbox as the approval of a draft sees it (docs/drafts.md, "Sending"): for a ticket mirrored from Freshdesk
/// the approved reply is staged in <c>freshdesk_replies</c>, in the approval's own transaction, and posted back by
/// <see cref="FreshdeskReplySender"/>; it is not mailed as well, nor are status notices (Freshdesk notifies its
/// requesters itself). Every other ticket goes to the mail outbox as before.
/// </summary>
public sealed class FreshdeskAwareOutbox(IOutbox mail, TimeProvider clock) : IOutbox
{
    public void StageReply(TicketDbContext db, TicketEntity ticket, TicketMessageEntity reply)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(reply);
        if (ticket.Channel != TicketMessageChannels.Freshdesk)
        {
            mail.StageReply(db, ticket, reply);
            return;
        }
        var marker = $"agenttickets-reply-{Guid.NewGuid():N}";
        var now = clock.GetUtcNow().UtcDateTime;
        db.Set<FreshdeskReply>().Add(new FreshdeskReply
        {
            TicketId = ticket.Id,
            Body = Html(reply.Body, marker),
            Marker = marker,
            Created = new DateTime(now.Ticks - now.Ticks % 10, DateTimeKind.Utc),
        });
    }

    public void StageStatusNotice(TicketDbContext db, TicketEntity ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (ticket.Channel != TicketMessageChannels.Freshdesk)
        {
            mail.StageStatusNotice(db, ticket);
        }
    }

    /// <summary>
    /// Freshdesk's reply body is HTML: the text is encoded, paragraphs kept, and the marker rides along as an HTML
    /// comment the requester does not see (docs/channels.md, "Posting back").
    /// </summary>
    public static string Html(string text, string marker) =>
        string.Join("", text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n")
            .Select(p => "<p>" + WebUtility.HtmlEncode(p).Replace("\n", "<br>", StringComparison.Ordinal) + "</p>"))
        + "<!-- " + marker + " -->";
}
