using TicketApi.Tests.Infrastructure;
using TicketApi.Tests.Mail.Infrastructure;

namespace TicketApi.Tests.Mail;

/// <summary>
/// A host killed (kill -9) while a mail is in flight, then started again on the same database (docs/mail.md,
/// "Delivery"): the real service process delivers through a proxy that holds back the end of DATA; at that moment
/// the process dies. The mail's lease runs out, the new process sends it, and the server has it exactly once.
/// </summary>
public abstract class OutboxRestartTests(TicketStoreFixture store) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly string _connectionString = store.CreateDatabase();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        store.DropDatabase(_connectionString);
        return Task.CompletedTask;
    }

    private static Dictionary<string, string?> Sender(int port) => new()
    {
        ["SMTP_HOST"] = "127.0.0.1",
        ["SMTP_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["SMTP_FROM"] = "help@desk.example",
        // Long enough that the stalled delivery is still in flight when the process is killed, short enough
        // that the restarted process finds the lease run out soon.
        ["SMTP_TIMEOUT_SECONDS"] = "10",
        ["OUTBOX_LEASE_SECONDS"] = "12",
        ["OUTBOX_RETRY_SECONDS"] = "0.2",
        ["OUTBOX_POLL_SECONDS"] = "1",
        ["TRIAGE_MODEL"] = "off",
    };

    [Fact]
    public async Task A_host_killed_mid_delivery_leaves_the_mail_to_the_next_start_which_delivers_it_exactly_once()
    {
        await using var server = await MailDevServer.StartAsync();
        await using var proxy = new StallingSmtpProxy(server.SmtpPort);
        long id;
        await using (var first = await TicketApiProcess.StartAsync(_connectionString, CancellationToken.None, Sender(proxy.Port)))
        {
            using var client = new HttpClient { BaseAddress = first.Url };
            id = await MailHostFactory.ResolveTicketAsync(client, "Killed mid-delivery");
            await proxy.DataHeld.Task.WaitAsync(Patience);
            var inFlight = Assert.Single(await MailHostFactory.OutboxAsync(client));
            Assert.Equal("SENDING", (string)inFlight["status"]!);
        } // disposing kills the process (kill -9), mid-DATA

        await using var second = await TicketApiProcess.StartAsync(_connectionString, CancellationToken.None, Sender(server.SmtpPort));
        using var again = new HttpClient { BaseAddress = second.Url };
        var sent = Assert.Single(await MailHostFactory.WaitForOutboxAsync(again, m => (string)m[0]["status"]! == "SENT", "SENT after the restart", Patience));
        var emails = await server.WaitForEmailsAsync(1, Patience);

        // One more mail through the restarted host: had the first delivery been completed or repeated, it would show by now.
        await MailHostFactory.ResolveTicketAsync(again, "Marker", "marker@example.com");
        emails = await server.WaitForEmailsAsync(2, Patience);
        Assert.Equal(2, emails.Count);
        Assert.Single(emails, e => (string)e["subject"]! == $"[#{id}] Killed mid-delivery");
        Assert.Equal(2, (int)sent["attempts"]!);
    }
}

public sealed class OutboxRestartOnSqliteTests() : OutboxRestartTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class OutboxRestartOnPostgresTests(PostgresServer server) : OutboxRestartTests(server);
