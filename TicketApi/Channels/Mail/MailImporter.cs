using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TicketApi.Accounts;
using TicketApi.Channels.Mail.Mime;
using TicketApi.Contracts;
using TicketApi.Conversations;
using TicketApi.Data;
using TicketApi.Mail;
using TicketApi.Tickets;

namespace TicketApi.Channels.Mail;

/// <summary>What became of one received mail.</summary>
public abstract record MailImportResult
{
    private MailImportResult() { }

    public sealed record NewTicket(long TicketId) : MailImportResult;
    public sealed record AddedToTicket(long TicketId, bool Reopened) : MailImportResult;
    public sealed record Ignored(string Reason) : MailImportResult;

    /// <summary>Imported before (a crash before it was flagged, a restart, a second delivery): nothing done now.</summary>
    public sealed record AlreadyImported : MailImportResult;
}

/// <summary>
/// Turns one received mail into a ticket or a customer message (docs/channels.md, "Inbound mail"), acting as the
/// system through the <c>email</c> channel, and remembers it in <c>mail_imports</c> in the same transaction, so a
/// mail is imported exactly once however often it is read. A new mail files a ticket triaged as any other (subject
/// -> title, text -> description, sender -> requester); an answer to the desk's mail becomes a customer message on
/// its ticket (which reopens it when RESOLVED; a CLOSED ticket takes no messages, so the answer files a new ticket).
/// Attachments are listed at the end of the description or message (name and size); their content is not kept.
/// </summary>
public sealed class MailImporter(
    TicketDbContext db, TicketStore tickets, ConversationStore conversations, ThreadMatcher matcher,
    MailSettings outbound, MailboxSettings mailbox, TimeProvider clock)
{
    public const string NoSubject = "(no subject)";

    public async Task<MailImportResult> ImportAsync(InboundMessage mail, long uidValidity, long uid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        if (await KnownAsync(mail.Key, cancellationToken))
        {
            return new MailImportResult.AlreadyImported();
        }
        using var acting = ActingContext.Enter(new Acting(Actor.System, TicketMessageChannels.Email));
        try
        {
            return await ImportNewAsync(mail, uidValidity, uid, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another poller (a second host on the same database) committed this mail first: its unique key refused ours.
            if (await KnownAsync(mail.Key, CancellationToken.None))
            {
                return new MailImportResult.AlreadyImported();
            }
            throw;
        }
    }

    private async Task<MailImportResult> ImportNewAsync(InboundMessage mail, long uidValidity, long uid, CancellationToken cancellationToken)
    {
        MailImport Record(string outcome, long? ticketId, string? reason = null) => new()
        {
            MessageKey = mail.Key,
            MessageId = mail.MessageId,
            Outcome = outcome,
            TicketId = ticketId,
            Reason = reason,
            UidValidity = uidValidity,
            Uid = uid,
            ImportedAt = clock.GetUtcNow().UtcDateTime,
        };

        if (LoopGuard.Reason(mail, OwnAddresses()) is { } reason)
        {
            db.Set<MailImport>().Add(Record(MailImportOutcomes.Ignored, null, reason));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
            return new MailImportResult.Ignored(reason);
        }
        if (await matcher.FindTicketAsync(mail, cancellationToken) is { } ticketId)
        {
            var message = new NewTicketMessage(TicketMessageKinds.Customer, Clip(WithAttachments(mail), TicketMessageRules.MaxBodyLength) ?? "(empty mail)",
                Clip(mail.FromName ?? mail.FromAddress, TicketMessageRules.MaxAuthorLength), TicketMessageChannels.Email);
            var outcome = await conversations.AddAsync(ticketId, message, cancellationToken,
                (context, _) =>
                {
                    context.Set<MailImport>().Add(Record(MailImportOutcomes.Message, ticketId));
                    return Task.CompletedTask;
                });
            switch (outcome)
            {
                case ConversationStore.AddOutcome.Added added:
                    return new MailImportResult.AddedToTicket(ticketId, added.Ticket?.ResolutionStatus == TicketStatus.Open);
                case ConversationStore.AddOutcome.Contended:
                    throw new InvalidOperationException($"Ticket {ticketId} kept changing while mail {mail.Key} was added to it; the next poll tries again.");
                default:
                    break; // closed or deleted meanwhile: the answer starts a ticket of its own
            }
        }
        var changes = new TicketChanges(
            Title: Clip(mail.Subject, TicketFieldRules.MaxTitleLength) ?? NoSubject,
            Description: Clip(WithAttachments(mail), TicketFieldRules.MaxDescriptionLength) ?? "",
            Status: null,
            RequesterName: Clip(mail.FromName, TicketFieldRules.MaxRequesterNameLength),
            RequesterEmail: mail.FromAddress is { Length: <= TicketFieldRules.MaxRequesterEmailLength } address ? address : null);
        var ticket = await tickets.CreateAsync(changes, cancellationToken, (context, id, _) =>
        {
            context.Set<MailImport>().Add(Record(MailImportOutcomes.Ticket, id));
            return Task.CompletedTask;
        });
        return new MailImportResult.NewTicket(ticket.Id);
    }

    private Task<bool> KnownAsync(string key, CancellationToken cancellationToken) =>
        db.Set<MailImport>().AsNoTracking().AnyAsync(m => m.MessageKey == key, cancellationToken);

    private List<string> OwnAddresses()
    {
        var own = new List<string>();
        if (outbound.From is { } from)
        {
            own.Add(from.Address);
        }
        if (mailbox.UserName.Contains('@', StringComparison.Ordinal))
        {
            own.Add(mailbox.UserName);
        }
        return own;
    }

    /// <summary>The mail's text, then "Attachments:" and one "- name (size)" line per attachment.</summary>
    public static string WithAttachments(InboundMessage mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        if (mail.Attachments.Count == 0)
        {
            return mail.Text;
        }
        var text = new StringBuilder(mail.Text);
        if (text.Length > 0)
        {
            text.Append("\n\n");
        }
        text.Append("Attachments:");
        foreach (var attachment in mail.Attachments)
        {
            text.Append("\n- ").Append(attachment.Name).Append(" (").Append(Size(attachment.Size)).Append(')');
        }
        return text.ToString();
    }

    /// <summary>1,234 bytes; 12.3 KB; 4.5 MB.</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.0} MB"),
    };

    /// <summary>At most <paramref name="max"/> characters (an ellipsis marks a cut), never splitting a surrogate pair; blank is null.</summary>
    private static string? Clip(string? text, int max)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (text.Length <= max)
        {
            return text;
        }
        var cut = char.IsHighSurrogate(text[max - 2]) ? max - 2 : max - 1;
        return text[..cut] + "\u2026";
    }
}
