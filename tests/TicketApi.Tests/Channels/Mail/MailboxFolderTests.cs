using System.Text.Json.Nodes;
using TicketApi.Channels.Mail.Imap;
using TicketApi.Mail;
using TicketApi.Mail.Smtp;
using TicketApi.Tests.Channels.Mail.Infrastructure;
using TicketApi.Tests.Infrastructure;
using TicketApi.Tests.Mail.Infrastructure;

namespace TicketApi.Tests.Channels.Mail;

/// <summary>Processed mail moved to <c>IMAP_PROCESSED_FOLDER</c>, and the threading headers the desk writes (docs/channels.md).</summary>
public sealed class MailboxFolderTests : IDisposable
{
    private readonly string _connectionString = SqliteStore.Instance.CreateDatabase();

    public void Dispose() => SqliteStore.Instance.DropDatabase(_connectionString);

    [Fact]
    public async Task With_a_processed_folder_imported_mail_is_moved_there_flagged_seen()
    {
        var mailbox = await (await DovecotServer.SharedAsync()).CreateMailboxAsync();
        var settings = mailbox.Configuration();
        settings["IMAP_PROCESSED_FOLDER"] = "Processed";
        await mailbox.DeliverAsync(MailSamples.Plain("Moved after import", "Body."));
        await using var host = new MailHostFactory(_connectionString, settings);
        using var client = host.CreateClient();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await mailbox.FlagsAsync()).Count > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the mail never left INBOX");
            await Task.Delay(100);
        }

        await using var imap = await ImapClient.OpenAsync(mailbox.Settings, CancellationToken.None);
        await imap.SelectAsync("Processed", CancellationToken.None);
        var uid = Assert.Single(await imap.AllAsync(CancellationToken.None));
        Assert.Contains(@"\Seen", await imap.FlagsAsync(uid, CancellationToken.None), StringComparison.Ordinal);
        var tickets = JsonNode.Parse(await client.GetStringAsync("/api/tickets/"))!["results"]!.AsArray();
        Assert.Equal("Moved after import", (string)Assert.Single(tickets)!["title"]!);
    }

    [Fact]
    public void A_reply_answering_the_requesters_mail_references_the_ticket_root_then_that_mail()
    {
        var from = new System.Net.Mail.MailAddress("help@desk.example");
        var mail = new OutboxMail { TicketId = 12, ToAddress = "dana@example.com", Subject = "[#12] VPN", Body = "Hi", MessageId = "<m@desk.example>",
            InReplyTo = "<vpn-1@example.com>", Created = DateTime.UtcNow };

        var text = MailMessageWriter.Write(mail, from);
        var rootOnly = MailMessageWriter.Write(new OutboxMail { TicketId = 12, ToAddress = "d@example.com", MessageId = "<n@desk.example>",
            InReplyTo = "<ticket-12@desk.example>", Created = DateTime.UtcNow }, from);

        Assert.Contains("\r\nIn-Reply-To: <vpn-1@example.com>\r\nReferences: <ticket-12@desk.example>\r\n <vpn-1@example.com>\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nIn-Reply-To: <ticket-12@desk.example>\r\nReferences: <ticket-12@desk.example>\r\n", rootOnly, StringComparison.Ordinal);
    }
}
