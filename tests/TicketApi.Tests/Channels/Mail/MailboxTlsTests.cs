using System.Globalization;
using System.Text;
using Microsoft.Extensions.Configuration;
using TicketApi.Channels.Mail;
using TicketApi.Tests.Channels.Mail.Infrastructure;
using TicketApi.Tests.Infrastructure;
using TicketApi.Tests.Mail.Infrastructure;
using static TicketApi.Tests.Channels.Mail.Infrastructure.MailboxTickets;

namespace TicketApi.Tests.Channels.Mail;

/// <summary>
/// The mailbox over TLS against a real Dovecot (docs/channels.md, "TLS"): implicit TLS and STARTTLS import mail
/// with the server's certificate checked against <c>IMAP_CA_FILE</c>; a certificate from another CA or for another
/// name, and a server without STARTTLS when it is required, are refused on the status board with nothing imported.
/// A relay between the host and Dovecot keeps what the host sent, to show the password never crosses in the clear.
/// </summary>
public sealed class MailboxTlsTests : IAsyncLifetime
{
    private readonly string _connectionString = SqliteStore.Instance.CreateDatabase();
    private readonly List<IAsyncDisposable> _owned = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }
        SqliteStore.Instance.DropDatabase(_connectionString);
    }

    [Fact]
    public async Task Mail_over_implicit_tls_becomes_a_ticket_and_nothing_the_host_sends_is_readable_on_the_wire()
    {
        var (server, mailbox) = await TlsMailboxAsync();
        await mailbox.DeliverAsync(MailSamples.Plain("Laptop will not boot", "It shows a black screen."));
        var relay = Relay(server.TlsPort!.Value);

        var client = Host(mailbox, "tls", TestCertificates.ServerName, relay.Port, server.Certificates!.CaFile);

        var ticket = Assert.Single(await WaitForTicketsAsync(client));
        Assert.Equal("Laptop will not boot", (string)ticket["title"]!);
        Assert.Equal("ok", (string)(await MailboxHealth.WaitAsync(client, s => (string)s["state"]! == "ok"))["state"]!);
        var sent = relay.ClientBytes();
        Assert.Equal(0x16, sent[0]); // a TLS handshake record (RFC 8446 section 5.1) is the first byte of the session
        Assert.False(Contains(sent, mailbox.Password), "the password crossed the wire in the clear");
        Assert.False(Contains(sent, "LOGIN"), "an IMAP command crossed the wire in the clear");
    }

    [Fact]
    public async Task Mail_over_starttls_becomes_a_ticket_and_the_password_only_crosses_inside_tls()
    {
        var (server, mailbox) = await TlsMailboxAsync();
        await mailbox.DeliverAsync(MailSamples.Plain("Printer jams", "Floor 2, every page."));
        var relay = Relay(server.Port);

        var client = Host(mailbox, "starttls", TestCertificates.ServerName, relay.Port, server.Certificates!.CaFile);

        var ticket = Assert.Single(await WaitForTicketsAsync(client));
        Assert.Equal("Printer jams", (string)ticket["title"]!);
        var sent = relay.ClientBytes();
        var clear = Encoding.Latin1.GetString(sent, 0, IndexOf(sent, "STARTTLS\r\n") + "STARTTLS\r\n".Length);
        Assert.Equal("A0001 CAPABILITY\r\nA0002 STARTTLS\r\n", clear);
        Assert.Equal(0x16, sent[clear.Length]); // right after STARTTLS, the TLS handshake
        Assert.False(Contains(sent, mailbox.Password), "the password crossed the wire in the clear");
        Assert.False(Contains(sent, "LOGIN"), "LOGIN was sent in the clear");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_certificate_from_an_untrusted_ca_is_refused_on_the_status_board_and_the_mail_stays_in_the_box(bool anotherCaTrusted)
    {
        var (server, mailbox) = await TlsMailboxAsync();
        await mailbox.DeliverAsync(MailSamples.Plain("Not to be read", "Over an unchecked connection."));

        var client = Host(mailbox, "tls", TestCertificates.ServerName, server.TlsPort!.Value, anotherCaTrusted ? server.Certificates!.StrangerCaFile : null);

        var status = await MailboxHealth.WaitAsync(client, s => (string)s["state"]! == "failing");
        var error = (string)status["last_error"]!;
        Assert.StartsWith($"TLS with localhost:{server.TlsPort} failed: its certificate (CN=localhost, issued by CN=AgentTickets Test Mail CA) is not trusted (UntrustedRoot)", error, StringComparison.Ordinal);
        Assert.Contains(anotherCaTrusted ? "it does not lead to a certificate of IMAP_CA_FILE" : "trusted by naming the CA's PEM file in IMAP_CA_FILE", error, StringComparison.Ordinal);
        Assert.DoesNotContain(mailbox.Password, error, StringComparison.Ordinal);
        await AssertNothingImportedAsync(client, mailbox);
    }

    [Fact]
    public async Task A_certificate_for_another_name_is_refused_on_the_status_board()
    {
        var (server, mailbox) = await TlsMailboxAsync();
        await mailbox.DeliverAsync(MailSamples.Plain("Not to be read", "The certificate is for localhost."));

        // The certificate names localhost only; the same server dialled by its address is not the server it names.
        var client = Host(mailbox, "tls", "127.0.0.1", server.TlsPort!.Value, server.Certificates!.CaFile);

        var status = await MailboxHealth.WaitAsync(client, s => (string)s["state"]! == "failing");
        Assert.Equal($"TLS with 127.0.0.1:{server.TlsPort} failed: its certificate is for 'localhost', not for '127.0.0.1' (RemoteCertificateNameMismatch).",
            (string)status["last_error"]!);
        await AssertNothingImportedAsync(client, mailbox);
    }

    [Fact]
    public async Task Starttls_required_of_a_server_that_does_not_offer_it_is_refused_without_sending_the_password()
    {
        var plain = await DovecotServer.SharedAsync(); // no TLS at all: as if someone on the path stripped STARTTLS
        var mailbox = await plain.CreateMailboxAsync();
        await mailbox.DeliverAsync(MailSamples.Plain("Not to be read", "Over plain IMAP."));
        var relay = Relay(plain.Port);

        var client = Host(mailbox, "starttls", "127.0.0.1", relay.Port, caFile: null);

        var status = await MailboxHealth.WaitAsync(client, s => (string)s["state"]! == "failing");
        Assert.Equal($"127.0.0.1:{relay.Port} does not offer STARTTLS (IMAP_SECURITY=starttls); the password was not sent.", (string)status["last_error"]!);
        var sent = relay.ClientBytes();
        Assert.False(Contains(sent, mailbox.Password), "the password was sent without TLS");
        Assert.False(Contains(sent, "LOGIN"), "LOGIN was sent without TLS");
        await AssertNothingImportedAsync(client, mailbox);
    }

    [Theory]
    [InlineData("missing", "tls", "IMAP_CA_FILE '{0}' cannot be read as PEM certificates:")]
    [InlineData("key", "tls", "IMAP_CA_FILE '{0}' holds no PEM certificate")]
    [InlineData("ca", "none", "IMAP_CA_FILE is set but IMAP_SECURITY is none")]
    public async Task An_IMAP_CA_FILE_that_cannot_be_used_stops_the_start_with_its_name(string file, string security, string message)
    {
        var certificates = (await DovecotServer.SharedTlsAsync()).Certificates!;
        var path = file switch
        {
            "missing" => Path.Combine(Path.GetTempPath(), "no-such-ca-" + Guid.NewGuid().ToString("N") + ".pem"),
            "key" => certificates.ServerKeyFile, // a PEM file, but a private key: a likely mix-up
            _ => certificates.CaFile,
        };

        var error = Assert.Throws<InvalidOperationException>(() => MailboxSettings.FromConfiguration(Configuration(security, path)));

        Assert.Contains(string.Format(CultureInfo.InvariantCulture, message, path), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_IMAP_CA_FILE_is_read_into_the_roots_the_mailbox_trusts()
    {
        var certificates = (await DovecotServer.SharedTlsAsync()).Certificates!;

        var settings = MailboxSettings.FromConfiguration(Configuration("starttls", certificates.CaFile));

        Assert.Equal("CN=AgentTickets Test Mail CA", Assert.Single(settings.TrustedRoots!).Subject);
        Assert.Null(MailboxSettings.FromConfiguration(Configuration("tls", caFile: null)).TrustedRoots);
    }

    private static IConfiguration Configuration(string security, string? caFile) => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["IMAP_HOST"] = "imap.example.com", ["IMAP_USERNAME"] = "desk", ["IMAP_PASSWORD"] = "pw", ["IMAP_SECURITY"] = security, ["IMAP_CA_FILE"] = caFile,
    }).Build();

    private static async Task<(DovecotServer Server, TestMailbox Mailbox)> TlsMailboxAsync()
    {
        var server = await DovecotServer.SharedTlsAsync();
        return (server, await server.CreateMailboxAsync());
    }

    private RecordingRelay Relay(int targetPort)
    {
        var relay = new RecordingRelay(targetPort);
        _owned.Add(relay);
        return relay;
    }

    private HttpClient Host(TestMailbox mailbox, string security, string host, int port, string? caFile)
    {
        var settings = mailbox.Configuration();
        settings["IMAP_SECURITY"] = security;
        settings["IMAP_HOST"] = host;
        settings["IMAP_PORT"] = port.ToString(CultureInfo.InvariantCulture);
        settings["IMAP_CA_FILE"] = caFile;
        var factory = new MailHostFactory(_connectionString, settings);
        _owned.Add(factory);
        return factory.CreateClient();
    }

    private static async Task AssertNothingImportedAsync(HttpClient client, TestMailbox mailbox)
    {
        Assert.Empty(await TicketsAsync(client));
        Assert.All(await mailbox.FlagsAsync(), flags => Assert.DoesNotContain(@"\Seen", flags, StringComparison.Ordinal));
        Assert.Equal(0, (long)(await MailboxHealth.WaitAsync(client, _ => true))["imported"]!);
    }

    private static bool Contains(byte[] haystack, string needle) => IndexOf(haystack, needle) >= 0;

    private static int IndexOf(byte[] haystack, string needle) => haystack.AsSpan().IndexOf(Encoding.ASCII.GetBytes(needle));
}
