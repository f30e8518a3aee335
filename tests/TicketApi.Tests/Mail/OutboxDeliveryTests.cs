using TicketApi.Tests.Infrastructure;
using TicketApi.Tests.Mail.Infrastructure;

namespace TicketApi.Tests.Mail;

/// <summary>
/// Delivery to a real SMTP server process (MailDev; docs/mail.md, "Delivery"): the mail arrives with its
/// threading headers; a server that is down loses nothing (attempts climb with backoff, the error is shown) and
/// the mail arrives once it is back, exactly once; two senders on one database never send the same mail.
/// </summary>
public abstract class OutboxDeliveryTests(TicketStoreFixture store) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly string _connectionString = store.CreateDatabase();
    private readonly List<MailHostFactory> _hosts = [];
    private readonly List<MailDevServer> _servers = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }
        store.DropDatabase(_connectionString);
    }

    private HttpClient Host(Dictionary<string, string?> settings)
    {
        var host = new MailHostFactory(_connectionString, settings);
        _hosts.Add(host);
        return host.CreateClient();
    }

    private async Task<MailDevServer> MailDevAsync(int? port = null)
    {
        var server = await MailDevServer.StartAsync(port);
        _servers.Add(server);
        return server;
    }

    [Fact]
    public async Task A_resolved_notice_arrives_at_the_server_with_subject_addresses_threading_headers_and_a_utf8_body()
    {
        var server = await MailDevAsync();
        var client = Host(MailHostFactory.FastSender(server.SmtpPort));

        var id = await MailHostFactory.ResolveTicketAsync(client, "Café Wi-Fi down ☕", "dana@example.com", "Dana Ségal");
        var email = Assert.Single(await server.WaitForEmailsAsync(1, Patience));
        var mail = Assert.Single(await MailHostFactory.WaitForOutboxAsync(client, m => m.All(x => (string)x["status"]! == "SENT"), "SENT", Patience));

        Assert.Equal($"[#{id}] Café Wi-Fi down ☕", (string)email["subject"]!);
        Assert.Equal("dana@example.com", (string)email["to"]![0]!["address"]!);
        Assert.Equal("Dana Ségal", (string)email["to"]![0]!["name"]!);
        Assert.Equal("help@desk.example", (string)email["from"]![0]!["address"]!);
        Assert.Equal("Help Desk", (string)email["from"]![0]!["name"]!);
        Assert.Equal((string)mail["message_id"]!, "<" + (string)email["messageId"]! + ">");
        Assert.Matches($@"^<ticket-{id}\.resolved\.[0-9a-f]{{32}}@desk\.example>$", (string)mail["message_id"]!);
        Assert.Equal($"<ticket-{id}@desk.example>", (string)email["headers"]!["in-reply-to"]!);
        Assert.Equal($"<ticket-{id}@desk.example>", (string)email["headers"]!["references"]!);
        Assert.Equal("auto-generated", (string)email["headers"]!["auto-submitted"]!);
        Assert.Equal("text/plain; charset=utf-8", (string)email["headers"]!["content-type"]!);
        Assert.Equal((string)mail["body"]!, ((string)email["text"]!).ReplaceLineEndings("\n").TrimEnd('\n'));
        Assert.Contains("Hello Dana Ségal,", (string)email["text"]!, StringComparison.Ordinal);
        Assert.Equal(1, (int)mail["attempts"]!);
        Assert.NotNull(mail["sent_at"]);
    }

    [Fact]
    public async Task A_committed_notice_wakes_the_sender_at_once_not_at_its_next_poll()
    {
        var server = await MailDevAsync();
        var settings = MailHostFactory.FastSender(server.SmtpPort);
        settings["OUTBOX_POLL_SECONDS"] = "600";
        var client = Host(settings);
        await MailHostFactory.OutboxAsync(client); // started: the sender has looked once and sleeps for its poll

        await MailHostFactory.ResolveTicketAsync(client, "Wake up");

        // Far below the ten-minute poll: only the commit's signal can have woken the sender.
        Assert.Single(await server.WaitForEmailsAsync(1, TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task Mail_staged_while_the_server_is_down_climbs_attempts_with_backoff_and_arrives_exactly_once_when_it_is_back()
    {
        var port = MailDevServer.FreePort();
        var settings = MailHostFactory.FastSender(port);
        settings["SMTP_MAX_ATTEMPTS"] = "100"; // MailDev takes seconds to start: the mail must not give up meanwhile
        var client = Host(settings);

        await MailHostFactory.ResolveTicketAsync(client, "Mailbox full");
        var failing = Assert.Single(await MailHostFactory.WaitForOutboxAsync(client, m => m.Count == 1 && (int)m[0]["attempts"]! >= 3 && (string)m[0]["status"]! == "QUEUED", "three failed attempts, waiting for the next", Patience));
        var server = await MailDevAsync(port);
        var sent = Assert.Single(await MailHostFactory.WaitForOutboxAsync(client, m => (string)m[0]["status"]! == "SENT", "SENT", Patience));
        var emails = await server.WaitForEmailsAsync(1, Patience);

        Assert.Contains($"Could not connect to 127.0.0.1:{port}", (string)failing["last_error"]!, StringComparison.Ordinal);
        Assert.True(DateTime.Parse((string)failing["next_attempt_at"]!, System.Globalization.CultureInfo.InvariantCulture) >
                    DateTime.Parse((string)failing["created"]!, System.Globalization.CultureInfo.InvariantCulture), "a failed attempt schedules the next one later");
        Assert.True((int)sent["attempts"]! > (int)failing["attempts"]!);
        await AssertStillOneAsync(server, client);
        Assert.Equal((string)sent["message_id"]!, "<" + (string)Assert.Single(emails)["messageId"]! + ">");
    }

    [Fact]
    public async Task Mail_to_a_server_that_stays_down_is_FAILED_after_SMTP_MAX_ATTEMPTS_with_its_last_error()
    {
        var port = MailDevServer.FreePort();
        var settings = MailHostFactory.FastSender(port);
        settings["SMTP_MAX_ATTEMPTS"] = "3";
        var client = Host(settings);

        await MailHostFactory.ResolveTicketAsync(client, "Nobody listens");
        var failed = Assert.Single(await MailHostFactory.WaitForOutboxAsync(client, m => (string)m[0]["status"]! == "FAILED", "FAILED", Patience));

        Assert.Equal(3, (int)failed["attempts"]!);
        Assert.Equal($"Could not connect to 127.0.0.1:{port}: Connection refused.", (string)failed["last_error"]!);
        Assert.Null(failed["sent_at"]);
    }

    [Fact]
    public async Task Two_senders_on_one_database_deliver_every_mail_exactly_once()
    {
        const int Mails = 24;
        var server = await MailDevAsync();
        var staging = Host([]); // sending off: stages only, so both senders start on a full outbox
        for (var i = 0; i < Mails; i++)
        {
            await MailHostFactory.ResolveTicketAsync(staging, $"Ticket {i}", $"user{i}@example.com");
        }

        var first = Host(MailHostFactory.FastSender(server.SmtpPort));
        var second = Host(MailHostFactory.FastSender(server.SmtpPort));
        var emails = await server.WaitForEmailsAsync(Mails, Patience);
        await MailHostFactory.WaitForOutboxAsync(first, m => m.Count == Mails && m.All(x => (string)x["status"]! == "SENT"), "every mail SENT", Patience);
        await AssertStillOneAsync(server, second, Mails);

        Assert.Equal(Mails, emails.Select(e => (string)e["messageId"]!).Distinct().Count());
        Assert.Equal(Mails, emails.Count);
    }

    /// <summary>
    /// No duplicate follows: once every mail is SENT, one more full sender round (a poll) passes and the server
    /// still holds the same count. A signal, not a sleep: the round is seen through a freshly staged mail arriving.
    /// </summary>
    private static async Task AssertStillOneAsync(MailDevServer server, HttpClient client, int expected = 1)
    {
        await MailHostFactory.ResolveTicketAsync(client, "Marker", "marker@example.com");
        var emails = await server.WaitForEmailsAsync(expected + 1, Patience);
        Assert.Equal(expected + 1, emails.Count);
        Assert.Single(emails, e => (string)e["to"]![0]!["address"]! == "marker@example.com");
    }
}

public sealed class OutboxDeliveryOnSqliteTests() : OutboxDeliveryTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class OutboxDeliveryOnPostgresTests(PostgresServer server) : OutboxDeliveryTests(server);
