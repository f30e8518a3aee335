using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TicketApi.Channels.Mail.Mime;
using TicketApi.Data;
using TicketApi.Mail;

namespace TicketApi.Channels.Mail;

/// <summary>
/// Finds the ticket a received mail answers (docs/channels.md, "Threading"), in this order:
/// <list type="number">
/// <item>an id in In-Reply-To/References that is one of the desk's sent Message-IDs (the outbox remembers them; they
/// hold a random part, so naming one proves the sender saw our mail) or a mail already imported onto a ticket;</item>
/// <item>the ticket's thread root (<c>&lt;ticket-12@our-domain&gt;</c>) or the <c>[#12]</c> subject token, only
/// when the sender is that ticket's requester: both can be typed by anyone, and a stranger must not write into
/// someone else's ticket (their mail becomes a ticket of its own).</item>
/// </list>
/// </summary>
public sealed partial class ThreadMatcher(TicketDbContext db, MailSettings mail)
{
    public async Task<long?> FindTicketAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        foreach (var id in message.ThreadIds)
        {
            var sent = await db.Outbox.AsNoTracking().Where(o => o.MessageId == id).Select(o => (long?)o.TicketId).FirstOrDefaultAsync(cancellationToken);
            if (sent is not null && await ExistsAsync(sent.Value, cancellationToken))
            {
                return sent;
            }
            var imported = await db.Set<MailImport>().AsNoTracking().Where(m => m.MessageId == id && m.TicketId != null)
                .Select(m => m.TicketId).FirstOrDefaultAsync(cancellationToken);
            if (imported is not null && await ExistsAsync(imported.Value, cancellationToken))
            {
                return imported;
            }
        }
        var claimed = message.ThreadIds.Select(RootTicket).FirstOrDefault(id => id is not null)
            ?? (SubjectToken().Match(message.Subject) is { Success: true } token && long.TryParse(token.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null);
        if (claimed is { } ticketId && message.FromAddress is { } from)
        {
            var requester = await db.Tickets.AsNoTracking().Where(t => t.Id == ticketId).Select(t => t.RequesterEmail).FirstOrDefaultAsync(cancellationToken);
            if (requester is not null && string.Equals(requester.Trim(), from, StringComparison.OrdinalIgnoreCase))
            {
                return ticketId;
            }
        }
        return null;
    }

    private Task<bool> ExistsAsync(long ticketId, CancellationToken cancellationToken) =>
        db.Tickets.AsNoTracking().AnyAsync(t => t.Id == ticketId, cancellationToken);

    /// <summary>12 for <c>&lt;ticket-12@our-domain&gt;</c>; null for any other id (another desk's roots included).</summary>
    private long? RootTicket(string id)
    {
        var match = Root().Match(id);
        return match.Success && long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var ticketId) &&
            id == Outbox.ThreadRoot(ticketId, mail.Domain) ? ticketId : null;
    }

    [GeneratedRegex(@"^<ticket-(\d{1,18})@", RegexOptions.CultureInvariant)]
    private static partial Regex Root();

    [GeneratedRegex(@"\[#(\d{1,18})\]", RegexOptions.CultureInvariant)]
    private static partial Regex SubjectToken();
}
