using System.Globalization;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace TicketApi.Mail.Smtp;

/// <summary>
/// A small RFC 5321 client. It exists because MailKit is not available to this build and
/// System.Net.Mail.SmtpClient cannot speak implicit TLS (port 465, <c>SMTP_SECURITY=tls</c>), is marked
/// obsolete for new work, and hides the point between the server's 250 and our bookkeeping that exactly-once
/// delivery depends on (docs/mail.md, "The window"). It does what the outbox needs and no more: EHLO,
/// STARTTLS or implicit TLS, AUTH PLAIN or LOGIN, one MAIL/RCPT/DATA transaction at a time with dot-stuffing
/// and CRLF, reply codes with multi-line replies; every step under the caller's cancellation (its timeout).
/// </summary>
public sealed class SmtpSession : IAsyncDisposable
{
    private const int MaxReplyLines = 100;
    private const int MaxLineLength = 4096;

    private readonly TcpClient _tcp;
    private Stream _stream;
    private StreamReader _reader;
    private HashSet<string> _extensions = new(StringComparer.OrdinalIgnoreCase);
    private string[] _authMechanisms = [];

    private SmtpSession(TcpClient tcp, Stream stream)
    {
        _tcp = tcp;
        _stream = stream;
        _reader = Reader(stream);
    }

    /// <summary>Connects, greets, secures and logs in as <paramref name="settings"/> say.</summary>
    public static async Task<SmtpSession> OpenAsync(MailSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var host = settings.Host ?? throw new InvalidOperationException("SMTP_HOST is not set.");
        var tcp = new TcpClient();
        SmtpSession? session = null;
        try
        {
            await tcp.ConnectAsync(host, settings.Port, cancellationToken);
            Stream stream = tcp.GetStream();
            if (settings.Security == SmtpSecurity.Tls)
            {
                stream = await TlsAsync(stream, host, cancellationToken);
            }
            session = new SmtpSession(tcp, stream);
            await ExpectAsync(await session.ReadReplyAsync(cancellationToken), 220, "greeting");
            await session.HelloAsync(cancellationToken);
            if (settings.Security == SmtpSecurity.StartTls)
            {
                if (!session._extensions.Contains("STARTTLS"))
                {
                    throw new SmtpException($"{host}:{settings.Port} does not offer STARTTLS (SMTP_SECURITY=starttls); nothing was sent in clear text.");
                }
                await session.CommandAsync("STARTTLS", 220, cancellationToken);
                session._stream = await TlsAsync(session._stream, host, cancellationToken);
                session._reader = Reader(session._stream);
                await session.HelloAsync(cancellationToken); // RFC 3207: what was learnt before TLS is forgotten
            }
            if (settings.UserName is { } user)
            {
                await session.LoginAsync(user, settings.Password ?? "", cancellationToken);
            }
            return session;
        }
        catch
        {
            if (session is not null)
            {
                await session.DisposeAsync();
            }
            else
            {
                tcp.Dispose();
            }
            throw;
        }
    }

    /// <summary>One mail transaction; returns when the server has taken responsibility for the mail (250 after DATA).</summary>
    public async Task SendAsync(string from, string to, string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var utf8 = !MailMessageWriter.IsAscii(from) || !MailMessageWriter.IsAscii(to);
        if (utf8 && !_extensions.Contains("SMTPUTF8"))
        {
            throw new SmtpException($"The address <{to}> or <{from}> is not ASCII and the server does not offer SMTPUTF8.", 0, permanent: true);
        }
        await CommandAsync($"MAIL FROM:<{from}>" + (utf8 ? " SMTPUTF8" : ""), 250, cancellationToken, mailStep: true);
        await CommandAsync($"RCPT TO:<{to}>", 250, cancellationToken, mailStep: true, alsoAccepted: 251);
        await CommandAsync("DATA", 354, cancellationToken, mailStep: true);
        await WriteAsync(DotStuffed(message) + ".\r\n", cancellationToken);
        await ExpectAsync(await ReadReplyAsync(cancellationToken), 250, "end of DATA", mailStep: true);
    }

    /// <summary>Says goodbye; a server that hangs up first is no failure, the mail is already accepted.</summary>
    public async Task QuitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await WriteAsync("QUIT\r\n", cancellationToken);
            await ReadReplyAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or SmtpException or OperationCanceledException or ObjectDisposedException)
        {
            // Nothing depends on it.
        }
    }

    public async ValueTask DisposeAsync()
    {
        _reader.Dispose();
        await _stream.DisposeAsync();
        _tcp.Dispose();
    }

    /// <summary>RFC 5321, 4.5.2: a line of the content that starts with a dot gets one more.</summary>
    public static string DotStuffed(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = message.ReplaceLineEndings("\r\n");
        if (!text.EndsWith("\r\n", StringComparison.Ordinal))
        {
            text += "\r\n";
        }
        return (text.StartsWith('.') ? "." : "") + text.Replace("\r\n.", "\r\n..", StringComparison.Ordinal);
    }

    private async Task HelloAsync(CancellationToken cancellationToken)
    {
        var name = System.Net.Dns.GetHostName();
        await WriteAsync($"EHLO {name}\r\n", cancellationToken);
        var reply = await ReadReplyAsync(cancellationToken);
        if (reply.Code != 250)
        {
            // A server without ESMTP: plain HELO, no extensions.
            await CommandAsync($"HELO {name}", 250, cancellationToken);
            _extensions = new(StringComparer.OrdinalIgnoreCase);
            _authMechanisms = [];
            return;
        }
        var lines = reply.Lines.Skip(1).ToList(); // the first line is the server's name
        _extensions = new(lines.Select(l => l.Split(' ', 2)[0]), StringComparer.OrdinalIgnoreCase);
        _authMechanisms = lines.FirstOrDefault(l => l.StartsWith("AUTH ", StringComparison.OrdinalIgnoreCase))?
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray() ?? [];
    }

    private async Task LoginAsync(string user, string password, CancellationToken cancellationToken)
    {
        static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
        if (_authMechanisms.Contains("PLAIN", StringComparer.OrdinalIgnoreCase))
        {
            await CommandAsync("AUTH PLAIN " + B64($"\0{user}\0{password}"), 235, cancellationToken, secret: true);
        }
        else if (_authMechanisms.Contains("LOGIN", StringComparer.OrdinalIgnoreCase))
        {
            await CommandAsync("AUTH LOGIN", 334, cancellationToken);
            await CommandAsync(B64(user), 334, cancellationToken, secret: true);
            await CommandAsync(B64(password), 235, cancellationToken, secret: true);
        }
        else
        {
            throw new SmtpException($"SMTP_USERNAME is set but the server offers neither AUTH PLAIN nor LOGIN (it offers: {string.Join(' ', _authMechanisms)}).");
        }
    }

    private async Task CommandAsync(string command, int expected, CancellationToken cancellationToken,
        bool mailStep = false, int alsoAccepted = 0, bool secret = false)
    {
        await WriteAsync(command + "\r\n", cancellationToken);
        var reply = await ReadReplyAsync(cancellationToken);
        if (reply.Code != expected && reply.Code != alsoAccepted)
        {
            await ExpectAsync(reply, expected, secret ? command.Split(' ')[0] + " …" : command, mailStep);
        }
    }

    private static Task ExpectAsync(SmtpReply reply, int expected, string step, bool mailStep = false)
    {
        if (reply.Code == expected)
        {
            return Task.CompletedTask;
        }
        // A 5xx to the mail's own steps is about this mail: it will be refused again. A 5xx elsewhere (a login,
        // the greeting) is about the settings or the server and may be fixed, so it is retried.
        throw new SmtpException($"The server answered {step} with {reply}.", reply.Code, permanent: mailStep && reply.Code >= 500);
    }

    private async Task WriteAsync(string text, CancellationToken cancellationToken)
    {
        await _stream.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        await _stream.FlushAsync(cancellationToken);
    }

    private async Task<SmtpReply> ReadReplyAsync(CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        var code = 0;
        while (lines.Count < MaxReplyLines)
        {
            var line = await _reader.ReadLineAsync(cancellationToken)
                ?? throw new SmtpException("The server closed the connection" + (lines.Count > 0 ? " in the middle of a reply." : "."));
            if (line.Length < 3 || line.Length > MaxLineLength ||
                !int.TryParse(line.AsSpan(0, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var lineCode) ||
                (line.Length > 3 && line[3] is not (' ' or '-')) || (code != 0 && lineCode != code))
            {
                throw new SmtpException($"The server's reply is not SMTP: '{(line.Length > 80 ? line[..80] + "…" : line)}'.");
            }
            code = lineCode;
            lines.Add(line.Length > 4 ? line[4..] : "");
            if (line.Length == 3 || line[3] == ' ')
            {
                return new SmtpReply(code, lines);
            }
        }
        throw new SmtpException($"The server's reply ran past {MaxReplyLines} lines.");
    }

    private static async Task<Stream> TlsAsync(Stream stream, string host, CancellationToken cancellationToken)
    {
        var tls = new SslStream(stream, leaveInnerStreamOpen: false);
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = host }, cancellationToken);
        return tls;
    }

    private static StreamReader Reader(Stream stream) => new(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false, bufferSize: 1024, leaveOpen: true);
}
