using System.Globalization;
using TicketApi.Channels.Mail.Imap;
using TicketApi.Channels.Mail.Mime;

namespace TicketApi.Channels.Mail;

/// <summary>What one poll did: mails imported (tickets and messages), automatic mails set aside, and mail left in the box.</summary>
public sealed record MailboxPollResult(int Imported, int Ignored, IReadOnlyList<string> Skipped);

/// <summary>
/// One poll of the mailbox (docs/channels.md, "Exactly once"): log in, select the folder, and for every unseen mail,
/// oldest first, fetch it without marking it, import it (<see cref="MailImporter"/>, which commits the ticket and the
/// memory of the mail together), and only then flag it \Seen or move it to <c>IMAP_PROCESSED_FOLDER</c>. A crash
/// between the commit and the flag leaves the mail unseen: the next poll reads it again, finds it remembered and
/// only flags it. A failure stops the poll; what was not flagged is read again by the next.
/// </summary>
public sealed class MailboxPoll(MailboxSettings settings, IServiceProvider services, ILogger<MailboxPoll> logger)
{
    public async Task<MailboxPollResult> RunAsync(CancellationToken cancellationToken)
    {
        await using var imap = await ImapClient.OpenAsync(settings, cancellationToken);
        var uidValidity = await imap.SelectAsync(settings.Folder, cancellationToken);
        if (settings.ProcessedFolder is { } processed)
        {
            await imap.CreateFolderAsync(processed, cancellationToken);
        }
        int imported = 0, ignored = 0;
        var skipped = new List<string>();
        foreach (var uid in await imap.UnseenAsync(cancellationToken))
        {
            if (await imap.SizeAsync(uid, cancellationToken) is not { } size)
            {
                continue; // expunged meanwhile
            }
            if (size > settings.MaxMessageBytes)
            {
                // Left unseen for a person to deal with, named in the status; the other mail still flows.
                skipped.Add(string.Create(CultureInfo.InvariantCulture, $"mail UID {uid} is {size} bytes, more than the {settings.MaxMessageBytes} the desk imports; left in {settings.Folder}"));
                continue;
            }
            if (await imap.FetchAsync(uid, cancellationToken) is not { } raw)
            {
                continue;
            }
            var mail = InboundMessage.Parse(raw);
            MailImportResult result;
            await using (var scope = services.CreateAsyncScope())
            {
                result = await scope.ServiceProvider.GetRequiredService<MailImporter>().ImportAsync(mail, uidValidity, uid, cancellationToken);
            }
            switch (result)
            {
                case MailImportResult.NewTicket ticket:
                    imported++;
                    logger.LogInformation("Mail {Key} (UID {Uid}) filed ticket {TicketId}.", mail.Key, uid, ticket.TicketId);
                    break;
                case MailImportResult.AddedToTicket added:
                    imported++;
                    logger.LogInformation("Mail {Key} (UID {Uid}) added to ticket {TicketId}{Reopened}.", mail.Key, uid, added.TicketId, added.Reopened ? ", reopening it" : "");
                    break;
                case MailImportResult.Ignored why:
                    ignored++;
                    logger.LogInformation("Mail {Key} (UID {Uid}) made no ticket: {Reason}.", mail.Key, uid, why.Reason);
                    break;
                default:
                    logger.LogInformation("Mail {Key} (UID {Uid}) was imported before; flagging it now.", mail.Key, uid);
                    break;
            }
            await MarkProcessedAsync(imap, uid, cancellationToken);
        }
        await imap.LogoutAsync(cancellationToken);
        return new MailboxPollResult(imported, ignored, skipped);
    }

    private Task MarkProcessedAsync(ImapClient imap, long uid, CancellationToken cancellationToken) =>
        settings.ProcessedFolder is { } folder
            ? imap.MoveAsync(uid, folder, cancellationToken)
            : imap.AddFlagsAsync(uid, @"\Seen", cancellationToken);
}
