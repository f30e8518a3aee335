using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TicketApi.Tests.Channels.Mail.Infrastructure;
using TicketApi.Tests.Infrastructure;
using TicketApi.Tests.Mail.Infrastructure;
using static TicketApi.Tests.Channels.Mail.Infrastructure.MailboxTickets;

namespace TicketApi.Tests.Channels.Mail;

/// <summary>
/// The inbound mailbox against a real Dovecot (docs/channels.md, "Inbound mail"): mail delivered by IMAP APPEND is
/// polled by the ticket service into tickets and customer messages, on both stores.
/// </summary>
public abstract partial class MailboxTests(TicketStoreFixture store) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly string _connectionString = store.CreateDatabase();
    private readonly List<MailHostFactory> _hosts = [];
    private TestMailbox _mailbox = null!;

    public async Task InitializeAsync() => _mailbox = await (await DovecotServer.SharedAsync()).CreateMailboxAsync();

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
        store.DropDatabase(_connectionString);
    }

    private HttpClient Host(Dictionary<string, string?>? extra = null)
    {
        var settings = _mailbox.Configuration();
        foreach (var (name, value) in extra ?? [])
        {
            settings[name] = value;
        }
        var host = new MailHostFactory(_connectionString, settings);
        _hosts.Add(host);
        return host.CreateClient();
    }

    [Fact]
    public async Task A_new_mail_becomes_a_triaged_ticket_from_its_sender_within_one_poll_and_is_flagged_seen()
    {
        var client = Host();
        await _mailbox.DeliverAsync(MailSamples.Plain("=?utf-8?Q?VPN_drops_every_few_minutes_=E2=80=93_urgent?=",
            "Since this morning my VPN disconnects every 5 minutes.\nPlease help, I cannot work.", "=?utf-8?B?RGFuYSBTY3VsbHk=?= <dana@example.com>"));

        var ticket = Assert.Single(await WaitForTicketsAsync(client, 1));

        Assert.Equal("VPN drops every few minutes – urgent", (string)ticket["title"]!);
        Assert.Equal("Since this morning my VPN disconnects every 5 minutes.\nPlease help, I cannot work.", (string)ticket["description"]!);
        Assert.Equal("Dana Scully", (string)ticket["requester_name"]!);
        Assert.Equal("dana@example.com", (string)ticket["requester_email"]!);
        Assert.Equal("email", (string)ticket["channel"]!);
        Assert.Equal("OPEN", (string)ticket["resolution_status"]!);
        Assert.Equal("NETWORK", (string)ticket["category"]!); // the offline triager read it as any other ticket
        Assert.NotNull(ticket["triage"]);
        await WaitForAsync(async () => (await _mailbox.FlagsAsync()).All(f => f.Contains(@"\Seen", StringComparison.Ordinal)), "the mail flagged \\Seen");
        var history = JsonNode.Parse(await client.GetStringAsync($"/api/tickets/{(long)ticket["id"]!}/history/"))!;
        var created = Assert.Single(history["results"]!.AsArray(), e => (string?)e!["action"] == "created")!;
        Assert.Equal("email", (string)created["channel"]!);
        Assert.Equal("system", (string)created["actor"]!["id"]!);
    }

    [Fact]
    public async Task An_html_only_mail_is_reduced_to_text_and_its_attachments_are_listed_by_name_and_size_in_the_description()
    {
        var client = Host();
        await _mailbox.DeliverAsync("""
            From: Fox Mulder <fox@example.com>
            Subject: Printer on floor 3
            Message-ID: <html-1@example.com>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="outer"

            --outer
            Content-Type: text/html; charset=windows-1252
            Content-Transfer-Encoding: quoted-printable

            <html><head><style>p { color: red }</style><script>alert(1)</script></head>
            <body><p>The printer says &quot;paper jam&quot; =96 but there is none.</p><ul><li>Tried: restart</li><li>Tried: new paper</li></ul></body></html>
            --outer
            Content-Type: application/pdf; name="error log.pdf"
            Content-Disposition: attachment; filename="error log.pdf"
            Content-Transfer-Encoding: base64

            JVBERi0xLjQKJcfsj6IKNSAwIG9iago8PC9MZW5ndGggNiAwIFI+PgpzdHJlYW0K
            --outer--
            """);

        var ticket = Assert.Single(await WaitForTicketsAsync(client, 1));

        Assert.Equal("The printer says \"paper jam\" – but there is none.\n\n- Tried: restart\n- Tried: new paper\n\nAttachments:\n- error log.pdf (48 bytes)",
            (string)ticket["description"]!);
    }

    [Fact]
    public async Task An_answer_to_our_mail_by_In_Reply_To_becomes_a_customer_message_and_reopens_the_resolved_ticket()
    {
        var client = Host();
        await _mailbox.DeliverAsync(MailSamples.Plain("Laptop will not boot", "Black screen after the update.", messageId: "<boot-1@example.com>"));
        var id = (long)Assert.Single(await WaitForTicketsAsync(client, 1))["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await client.PatchAsJsonAsync($"/api/tickets/{id}/", new { resolution_status = "RESOLVED" })).StatusCode);
        var notice = Assert.Single(await MailHostFactory.OutboxAsync(client)); // the resolved notice, staged for the requester
        Assert.Equal("dana@example.com", (string)notice["to"]!);
        Assert.Equal("<boot-1@example.com>", (string)notice["in_reply_to"]!); // our mail answers the requester's

        await _mailbox.DeliverAsync(MailSamples.Plain("Re: whatever the client made of it", "Still black, sorry.",
            extraHeaders: $"In-Reply-To: {(string)notice["message_id"]!}\nReferences: {(string)notice["in_reply_to"]!} {(string)notice["message_id"]!}\n"));

        var message = Assert.Single(await WaitForMessagesAsync(client, id, 1));
        Assert.Equal("customer", (string)message["kind"]!);
        Assert.Equal("email", (string)message["channel"]!);
        Assert.Equal("Dana Scully", (string)message["author"]!);
        Assert.Equal("Still black, sorry.", (string)message["body"]!);
        Assert.Equal("OPEN", (string)JsonNode.Parse(await client.GetStringAsync($"/api/tickets/{id}/"))!["resolution_status"]!);
        Assert.Single(await TicketsAsync(client));
    }

    [Fact]
    public async Task The_full_loop_a_mailed_request_gets_the_approved_reply_threaded_and_the_requesters_answer_lands_on_the_same_ticket()
    {
        await using var smtp = await MailDevServer.StartAsync();
        var client = Host(MailHostFactory.FastSender(smtp.SmtpPort));
        await _mailbox.DeliverAsync(MailSamples.Plain("VPN drops every few minutes", "Since this morning my VPN disconnects every 5 minutes.",
            messageId: "<vpn-1@example.com>"));
        var id = (long)Assert.Single(await WaitForTicketsAsync(client, 1))["id"]!;

        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/tickets/{id}/draft", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/tickets/{id}/draft/send", new { })).StatusCode);
        var reply = Assert.Single(await smtp.WaitForEmailsAsync(1, Patience));

        Assert.Equal($"[#{id}] VPN drops every few minutes", (string)reply["subject"]!);
        Assert.Equal("dana@example.com", (string)reply["to"]![0]!["address"]!);
        Assert.Equal("<vpn-1@example.com>", (string)reply["headers"]!["in-reply-to"]!);
        Assert.Equal($"<ticket-{id}@desk.example> <vpn-1@example.com>", string.Join(' ', ((string)reply["headers"]!["references"]!).Split((char[])[' ', '\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)));
        var ourId = (string)reply["headers"]!["message-id"]!;

        await _mailbox.DeliverAsync(MailSamples.Plain($"Re: [#{id}] VPN drops every few minutes", "That fixed it, thank you!",
            extraHeaders: $"In-Reply-To: {ourId}\nReferences: <ticket-{id}@desk.example> <vpn-1@example.com> {ourId}\n"));

        var thread = await WaitForMessagesAsync(client, id, 2);
        Assert.Equal(["reply", "customer"], thread.Select(m => (string)m["kind"]!));
        Assert.Equal("That fixed it, thank you!", (string)thread[1]["body"]!);
        Assert.Single(await TicketsAsync(client));
    }

    [Fact]
    public async Task A_subject_token_threads_the_requesters_answer_but_a_strangers_mail_with_the_token_files_its_own_ticket()
    {
        var client = Host();
        await _mailbox.DeliverAsync(MailSamples.Plain("Cannot print", "Nothing comes out."));
        var id = (long)Assert.Single(await WaitForTicketsAsync(client, 1))["id"]!;

        await _mailbox.DeliverAsync(MailSamples.Plain($"RE: [#{id}] Cannot print", "Here is the model: HP 4050.", from: "DANA@example.com"));
        await _mailbox.DeliverAsync(MailSamples.Plain($"[#{id}] Cannot print", "I am someone else.", from: "mallory@example.org"));

        var tickets = await WaitForTicketsAsync(client, 2);
        Assert.Equal("mallory@example.org", (string)tickets[0]["requester_email"]!);
        var message = Assert.Single(await WaitForMessagesAsync(client, id, 1));
        Assert.Equal("Here is the model: HP 4050.", (string)message["body"]!);
    }

    [Fact]
    public async Task Auto_replies_bulk_mail_and_bounces_make_no_ticket_and_are_flagged_so_they_are_not_read_again()
    {
        var client = Host();
        await _mailbox.DeliverAsync(MailSamples.Plain("Out of office", "I am away.", extraHeaders: "Auto-Submitted: auto-replied\n"));
        await _mailbox.DeliverAsync(MailSamples.Plain("Newsletter", "News.", extraHeaders: "Precedence: bulk\n"));
        await _mailbox.DeliverAsync("""
            From: Mail Delivery System <MAILER-DAEMON@mx.example.com>
            Return-Path: <>
            Subject: Undelivered Mail Returned to Sender
            Message-ID: <bounce-1@mx.example.com>
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="b"

            --b
            Content-Type: text/plain

            This is the mail system. Your message could not be delivered.
            --b
            Content-Type: message/delivery-status

            Status: 5.1.1
            --b--
            """);
        await _mailbox.DeliverAsync(MailSamples.Plain("A person's mail", "Delivered after the automatic ones."));

        var ticket = Assert.Single(await WaitForTicketsAsync(client, 1));
        Assert.Equal("A person's mail", (string)ticket["title"]!);
        await WaitForAsync(async () => (await _mailbox.FlagsAsync()).Count(f => f.Contains(@"\Seen", StringComparison.Ordinal)) == 4, "all four mails flagged");
        Assert.Single(await TicketsAsync(client));
    }

    private static async Task<List<JsonObject>> WaitForMessagesAsync(HttpClient client, long id, int count)
    {
        List<JsonObject> messages = [];
        await WaitForAsync(async () =>
        {
            var page = JsonNode.Parse(await client.GetStringAsync($"/api/tickets/{id}/messages/"))!;
            messages = page["results"]!.AsArray().Select(m => m!.AsObject()).ToList();
            return messages.Count >= count;
        }, $"{count} message(s) on ticket {id}");
        return messages;
    }

    private static async Task WaitForAsync(Func<Task<bool>> done, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}.");
            await Task.Delay(100);
        }
    }
}

public sealed class MailboxOnSqliteTests() : MailboxTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class MailboxOnPostgresTests(PostgresServer server) : MailboxTests(server);
