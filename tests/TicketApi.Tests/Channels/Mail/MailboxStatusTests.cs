using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using TicketApi.Channels.Mail;
using TicketApi.Tests.Channels.Mail.Infrastructure;
using TicketApi.Tests.Infrastructure;
using TicketApi.Tests.Mail.Infrastructure;

namespace TicketApi.Tests.Channels.Mail;

/// <summary>The mailbox's status on <c>/health</c> and its settings (docs/channels.md, "Status", "Settings"): failures are named, never crash, never leak the password.</summary>
public sealed class MailboxStatusTests : IDisposable
{
    private readonly string _connectionString = SqliteStore.Instance.CreateDatabase();

    public void Dispose() => SqliteStore.Instance.DropDatabase(_connectionString);

    [Fact]
    public async Task A_refused_login_shows_the_mailbox_failing_with_the_servers_answer_and_no_password()
    {
        var mailbox = await (await DovecotServer.SharedAsync()).CreateMailboxAsync();
        var settings = mailbox.Configuration();
        settings["IMAP_PASSWORD"] = "wrong-secret-value";
        await using var host = new MailHostFactory(_connectionString, settings);
        using var client = host.CreateClient();

        var status = await WaitForMailboxAsync(client, s => (string)s["state"]! == "failing");

        var error = (string)status["last_error"]!;
        Assert.Contains($"refused the login of user '{mailbox.User}'", error, StringComparison.Ordinal);
        Assert.Contains("AUTHENTICATIONFAILED", error, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-secret-value", error, StringComparison.Ordinal);
        Assert.Null(status["last_success_at"]);
        Assert.Equal("ok", (string)JsonNode.Parse(await client.GetStringAsync("/health"))!["status"]!);
    }

    [Fact]
    public async Task A_server_that_is_down_is_reported_and_tried_again_at_the_next_poll()
    {
        var settings = new Dictionary<string, string?>
        {
            ["IMAP_HOST"] = "127.0.0.1",
            ["IMAP_PORT"] = MailDevServer.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["IMAP_SECURITY"] = "none",
            ["IMAP_USERNAME"] = "desk@mail.test",
            ["IMAP_PASSWORD"] = "secret",
            ["IMAP_POLL_SECONDS"] = "0.2",
        };
        await using var host = new MailHostFactory(_connectionString, settings);
        using var client = host.CreateClient();

        var first = await WaitForMailboxAsync(client, s => (string)s["state"]! == "failing");
        var firstPoll = (DateTime)first["last_poll_at"]!;
        var later = await WaitForMailboxAsync(client, s => (DateTime)s["last_poll_at"]! > firstPoll);

        Assert.Equal("failing", (string)later["state"]!);
        Assert.StartsWith($"Cannot reach 127.0.0.1:{settings["IMAP_PORT"]}: ConnectionRefused", (string)later["last_error"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_working_mailbox_shows_ok_with_its_imports_and_the_automatic_mail_it_set_aside_counted_apart()
    {
        var mailbox = await (await DovecotServer.SharedAsync()).CreateMailboxAsync();
        await mailbox.DeliverAsync(MailSamples.Plain("Counted", "One."));
        await mailbox.DeliverAsync(MailSamples.Plain("Not counted", "Away.", extraHeaders: "Auto-Submitted: auto-replied\n"));
        await using var host = new MailHostFactory(_connectionString, mailbox.Configuration());
        using var client = host.CreateClient();

        var status = await WaitForMailboxAsync(client, s => (long)s["imported"]! + (long)s["ignored"]! == 2);

        Assert.Equal(1, (long)status["imported"]!);
        Assert.Equal(1, (long)status["ignored"]!);
        Assert.Equal("ok", (string)status["state"]!);
        Assert.Null(status["last_error"]);
    }

    [Theory]
    [InlineData("IMAP_SECURITY", "ssl", "IMAP_SECURITY 'ssl' is not one of none, starttls, tls.")]
    [InlineData("IMAP_PORT", "99999", "IMAP_PORT '99999' is not a port number (1-65535).")]
    [InlineData("IMAP_POLL_SECONDS", "0", "IMAP_POLL_SECONDS '0' is not a number of seconds (more than 0, at most 86400).")]
    [InlineData("IMAP_PASSWORD", "", "IMAP_HOST is set but IMAP_USERNAME or IMAP_PASSWORD is not")]
    [InlineData("IMAP_PROCESSED_FOLDER", "inbox", "IMAP_PROCESSED_FOLDER is the folder that is polled")]
    public void A_wrong_setting_stops_the_start_with_its_name(string name, string value, string message)
    {
        var values = new Dictionary<string, string?> { ["IMAP_HOST"] = "imap.example.com", ["IMAP_USERNAME"] = "desk", ["IMAP_PASSWORD"] = "pw", [name] = value };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();

        var error = Assert.Throws<InvalidOperationException>(() => MailboxSettings.FromConfiguration(configuration));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_IMAP_HOST_no_mailbox_is_polled_and_tls_on_993_is_the_default()
    {
        Assert.False(MailboxSettings.FromConfiguration(new ConfigurationBuilder().Build()).Enabled);
        var settings = MailboxSettings.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(
            new Dictionary<string, string?> { ["IMAP_HOST"] = "imap.example.com", ["IMAP_USERNAME"] = "desk", ["IMAP_PASSWORD"] = "pw" }).Build());
        Assert.Equal((ImapSecurity.Tls, 993, "INBOX"), (settings.Security, settings.Port, settings.Folder));
        Assert.DoesNotContain("pw", settings.ToString(), StringComparison.Ordinal);
    }

    private static Task<JsonNode> WaitForMailboxAsync(HttpClient client, Func<JsonNode, bool> done) => MailboxHealth.WaitAsync(client, done);
}
