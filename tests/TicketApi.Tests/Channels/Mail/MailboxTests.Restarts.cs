using Microsoft.Extensions.DependencyInjection;
using TicketApi.Channels.Mail;
using TicketApi.Channels.Mail.Imap;
using TicketApi.Channels.Mail.Mime;
using TicketApi.Tests.Channels.Mail.Infrastructure;
using TicketApi.Tests.Mail.Infrastructure;
using static TicketApi.Tests.Channels.Mail.Infrastructure.MailboxTickets;

namespace TicketApi.Tests.Channels.Mail;

/// <summary>The mailbox poller across duplicates, a crash between commit and flag, and restarts: no mail lost, none imported twice.</summary>
public abstract partial class MailboxTests
{
    [Fact]
    public async Task A_mail_delivered_twice_with_the_same_Message_ID_is_imported_once()
    {
        var client = Host();
        var mail = MailSamples.Plain("Duplicate delivery", "Sent once, delivered twice.");
        await _mailbox.DeliverAsync(mail);
        await _mailbox.DeliverAsync(mail);
        await _mailbox.DeliverAsync(MailSamples.Plain("Marker", "Delivered last."));

        await WaitForAsync(async () => (await _mailbox.FlagsAsync()).Count(f => f.Contains(@"\Seen", StringComparison.Ordinal)) == 3, "all three mails flagged");

        var titles = (await TicketsAsync(client)).Select(t => (string)t["title"]!).Order().ToList();
        Assert.Equal(["Duplicate delivery", "Marker"], titles);
    }

    [Fact]
    public async Task A_crash_between_the_commit_and_the_flag_leaves_the_mail_unseen_and_the_restarted_poller_flags_it_without_a_second_ticket()
    {
        await _mailbox.DeliverAsync(MailSamples.Plain("Imported just before the crash", "The poller died before it flagged this."));
        // The first host has no mailbox configured: the test plays its poll up to the commit, then "crashes".
        var first = new MailHostFactory(_connectionString, new Dictionary<string, string?>());
        _hosts.Add(first);
        var firstClient = first.CreateClient();
        await using (var imap = await ImapClient.OpenAsync(_mailbox.Settings, CancellationToken.None))
        {
            var validity = await imap.SelectAsync("INBOX", CancellationToken.None);
            var uid = Assert.Single(await imap.UnseenAsync(CancellationToken.None));
            var raw = (await imap.FetchAsync(uid, CancellationToken.None))!;
            await using var scope = first.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<MailImporter>().ImportAsync(InboundMessage.Parse(raw), validity, uid, CancellationToken.None);
            Assert.IsType<MailImportResult.NewTicket>(result);
        }
        Assert.DoesNotContain(@"\Seen", Assert.Single(await _mailbox.FlagsAsync()), StringComparison.Ordinal);
        await first.DisposeAsync();
        _hosts.Remove(first);

        var client = Host(); // the restart, polling this time
        await _mailbox.DeliverAsync(MailSamples.Plain("After the restart", "A new mail."));
        await WaitForAsync(async () => (await _mailbox.FlagsAsync()).All(f => f.Contains(@"\Seen", StringComparison.Ordinal)), "both mails flagged");

        var titles = (await WaitForTicketsAsync(client, 2)).Select(t => (string)t["title"]!).Order().ToList();
        Assert.Equal(["After the restart", "Imported just before the crash"], titles);
    }

    [Fact]
    public async Task A_restarted_poller_imports_only_the_mail_that_arrived_since()
    {
        var client = Host();
        await _mailbox.DeliverAsync(MailSamples.Plain("Before the restart", "First."));
        await WaitForTicketsAsync(client, 1);
        await _hosts[0].DisposeAsync();
        _hosts.Clear();

        await _mailbox.DeliverAsync(MailSamples.Plain("While it was down", "Second."));
        var again = Host();

        var titles = (await WaitForTicketsAsync(again, 2)).Select(t => (string)t["title"]!).Order().ToList();
        Assert.Equal(["Before the restart", "While it was down"], titles);
        await WaitForAsync(async () => (await _mailbox.FlagsAsync()).All(f => f.Contains(@"\Seen", StringComparison.Ordinal)), "both mails flagged");
        Assert.Equal(2, (await TicketsAsync(again)).Count);
    }
}
