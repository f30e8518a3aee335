using System.Net;
using System.Net.Sockets;
using System.Text;
using TicketApi.Mail;
using TicketApi.Mail.Smtp;
using TicketApi.Tests.Mail.Infrastructure;

namespace TicketApi.Tests.Mail;

/// <summary>
/// The small SMTP client (RFC 5321) against a real server (MailDev) and against servers that misbehave:
/// dot-stuffing restores the content exactly, a STARTTLS the server does not offer is refused before anything
/// is sent, a peer that does not speak SMTP or does not answer at all is a clear failure, never a hang.
/// </summary>
public sealed class SmtpSessionTests : IAsyncLifetime
{
    private MailDevServer _server = null!;

    public async Task InitializeAsync() => _server = await MailDevServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private MailSettings Settings(SmtpSecurity security = SmtpSecurity.None, int? port = null) =>
        new() { Host = "127.0.0.1", Port = port ?? _server.SmtpPort, Security = security, From = new("help@desk.example") };

    [Fact]
    public async Task Lines_that_start_with_a_dot_arrive_intact_through_dot_stuffing()
    {
        const string body = ".hidden line\r\n.\r\n..two dots\r\nlast";
        var message = "From: <help@desk.example>\r\nTo: <dana@example.com>\r\nSubject: dots\r\nMessage-ID: <dots@desk.example>\r\n" +
            "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n" + body + "\r\n";
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        await using (var session = await SmtpSession.OpenAsync(Settings(), timeout.Token))
        {
            await session.SendAsync("help@desk.example", "dana@example.com", message, timeout.Token);
            await session.QuitAsync(timeout.Token);
        }
        var email = Assert.Single(await _server.WaitForEmailsAsync(1, TimeSpan.FromSeconds(30)));

        Assert.Equal(body, ((string)email["text"]!).ReplaceLineEndings("\r\n").TrimEnd('\r', '\n'));
    }

    [Fact]
    public async Task Starttls_that_the_server_does_not_offer_is_refused_before_any_mail_is_sent()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var error = await Assert.ThrowsAsync<SmtpException>(() => SmtpSession.OpenAsync(Settings(SmtpSecurity.StartTls), timeout.Token));

        Assert.Equal($"127.0.0.1:{_server.SmtpPort} does not offer STARTTLS (SMTP_SECURITY=starttls); nothing was sent in clear text.", error.Message);
        Assert.Empty(await _server.EmailsAsync());
    }

    [Fact]
    public async Task A_peer_that_does_not_speak_smtp_is_a_clear_failure()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var peer = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
            await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 400 Bad Request\r\n\r\n"));
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var error = await Assert.ThrowsAsync<SmtpException>(() => SmtpSession.OpenAsync(Settings(port: ((IPEndPoint)listener.LocalEndpoint).Port), timeout.Token));
        await peer;

        Assert.Equal("The server's reply is not SMTP: 'HTTP/1.1 400 Bad Request'.", error.Message);
        Assert.False(error.Permanent);
    }

    [Fact]
    public async Task A_recipient_the_server_refuses_with_5xx_is_a_permanent_failure_that_names_the_reply()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var peer = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            async Task Say(string line) => await stream.WriteAsync(Encoding.ASCII.GetBytes(line + "\r\n"));
            await Say("220 scripted.example ESMTP");
            while (await reader.ReadLineAsync() is { } command)
            {
                if (command.StartsWith("EHLO", StringComparison.Ordinal)) await Say("250-scripted.example\r\n250 8BITMIME");
                else if (command.StartsWith("MAIL", StringComparison.Ordinal)) await Say("250 2.1.0 Ok");
                else if (command.StartsWith("RCPT", StringComparison.Ordinal)) await Say("550 5.1.1 No such user");
                else { await Say("221 Bye"); return; }
            }
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        SmtpException error;
        await using (var session = await SmtpSession.OpenAsync(Settings(port: ((IPEndPoint)listener.LocalEndpoint).Port), timeout.Token))
        {
            error = await Assert.ThrowsAsync<SmtpException>(() => session.SendAsync("help@desk.example", "nobody@example.com", "Subject: x\r\n\r\nx\r\n", timeout.Token));
            await session.QuitAsync(timeout.Token);
        }
        await peer;

        Assert.True(error.Permanent);
        Assert.Equal(550, error.Code);
        Assert.Equal("The server answered RCPT TO:<nobody@example.com> with 550 5.1.1 No such user.", error.Message);
    }

    [Fact]
    public async Task A_peer_that_never_answers_ends_at_the_callers_deadline()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var accept = listener.AcceptTcpClientAsync(); // accepted, then never a word: no greeting
        using var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SmtpSession.OpenAsync(Settings(port: ((IPEndPoint)listener.LocalEndpoint).Port), deadline.Token));
        using var client = await accept.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Dot_stuffing_doubles_a_leading_dot_on_every_line_and_ends_the_content_with_crlf()
    {
        Assert.Equal("..a\r\nb\r\n..\r\n...c\r\n", SmtpSession.DotStuffed(".a\nb\r\n.\r\n..c"));
    }

    [Fact]
    public void A_long_non_ascii_subject_becomes_encoded_words_of_at_most_75_characters_that_decode_back()
    {
        var subject = "[#12] " + string.Concat(Enumerable.Repeat("Überweisung fehlgeschlagen 💳 ", 6));

        var encoded = MailMessageWriter.Encode(subject);
        var words = encoded.Split("\r\n ");

        Assert.All(words, w => Assert.InRange(w.Length, 1, 75));
        Assert.Equal(subject, string.Concat(words.Select(w => Encoding.UTF8.GetString(Convert.FromBase64String(w["=?utf-8?B?".Length..^2])))));
    }
}
