using System.Globalization;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace TicketApi.Channels.Mail.Imap;

/// <summary>
/// The wire of an IMAP4rev1 session (RFC 3501): a TCP stream (TLS from the start, after STARTTLS, or none),
/// tagged commands written with literals where a string needs one, responses read line by line with their
/// literals, up to the tagged completion. <see cref="ImapClient"/> speaks the commands on it.
/// </summary>
public sealed class ImapConnection : IAsyncDisposable
{
    /// <summary>A response line (without literals) longer than this is a broken server, not a mail.</summary>
    private const int MaxLineBytes = 1 << 20;

    private readonly TcpClient _tcp;
    private readonly string _host;
    private readonly int _port;
    private readonly X509Certificate2Collection? _trustedRoots;
    private readonly long _maxLiteralBytes;
    private Stream _stream;
    private BufferedStream _input;
    private int _tag;

    private ImapConnection(TcpClient tcp, Stream stream, string host, int port, X509Certificate2Collection? trustedRoots, long maxLiteralBytes)
    {
        _tcp = tcp;
        _stream = stream;
        _host = host;
        _port = port;
        _trustedRoots = trustedRoots;
        _maxLiteralBytes = maxLiteralBytes;
        _input = new BufferedStream(stream, 65536);
    }

    /// <summary>
    /// Connects (with TLS first when <paramref name="implicitTls"/>), reads the greeting and returns it. TLS, here or
    /// after STARTTLS, trusts the system's roots, or only <paramref name="trustedRoots"/> when given.
    /// </summary>
    public static async Task<(ImapConnection Connection, ImapResponse Greeting)> OpenAsync(
        string host, int port, bool implicitTls, X509Certificate2Collection? trustedRoots, long maxLiteralBytes, CancellationToken cancellationToken)
    {
        var tcp = new TcpClient();
        try
        {
            await tcp.ConnectAsync(host, port, cancellationToken);
            Stream stream = tcp.GetStream();
            if (implicitTls)
            {
                stream = await TlsAsync(stream, host, port, trustedRoots, cancellationToken);
            }
            var connection = new ImapConnection(tcp, stream, host, port, trustedRoots, maxLiteralBytes);
            var greeting = await connection.ReadResponseAsync(cancellationToken);
            if (greeting.Text.StartsWith("* BYE", StringComparison.OrdinalIgnoreCase) || !greeting.IsUntagged)
            {
                await connection.DisposeAsync();
                throw new ImapException($"{host}:{port} refused the connection: {greeting.Text}");
            }
            return (connection, greeting);
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
    }

    /// <summary>
    /// After a successful STARTTLS: everything from here on runs inside TLS (RFC 3501 section 6.2.1). Whatever the
    /// server sent after its OK and before the handshake is still in the old buffer and is dropped with it: such
    /// plaintext could only be injected by someone on the path, and must not be read as if it came through TLS.
    /// </summary>
    public async Task StartTlsAsync(CancellationToken cancellationToken)
    {
        _stream = await TlsAsync(_stream, _host, _port, _trustedRoots, cancellationToken);
        _input = new BufferedStream(_stream, 65536);
    }

    /// <summary>
    /// Sends one command and reads to its completion. <paramref name="parts"/> are atoms/quoted strings as text,
    /// or byte arrays sent as synchronizing literals (the server's "+" awaited before each).
    /// </summary>
    public async Task<ImapCompletion> CommandAsync(CancellationToken cancellationToken, params object[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var tag = "A" + (++_tag).ToString("D4", CultureInfo.InvariantCulture);
        var line = new StringBuilder(tag);
        foreach (var part in parts)
        {
            line.Append(' ');
            if (part is byte[] literal)
            {
                line.Append('{').Append(literal.Length.ToString(CultureInfo.InvariantCulture)).Append("}\r\n");
                await WriteAsync(line.ToString(), cancellationToken);
                line.Clear();
                var answer = await ReadResponseAsync(cancellationToken);
                if (!answer.IsContinuation)
                {
                    throw new ImapException($"The server did not accept a literal: {answer.Text}");
                }
                await _stream.WriteAsync(literal, cancellationToken);
            }
            else
            {
                line.Append((string)part);
            }
        }
        line.Append("\r\n");
        await WriteAsync(line.ToString(), cancellationToken);
        var untagged = new List<ImapResponse>();
        string? bye = null;
        while (true)
        {
            ImapResponse response;
            try
            {
                response = await ReadResponseAsync(cancellationToken);
            }
            catch (ImapException) when (bye is not null)
            {
                throw new ImapException($"The server closed the session: {bye}");
            }
            if (response.Text.StartsWith(tag + " ", StringComparison.Ordinal))
            {
                var rest = response.Text[(tag.Length + 1)..];
                var space = rest.IndexOf(' ', StringComparison.Ordinal);
                var status = (space < 0 ? rest : rest[..space]).ToUpperInvariant();
                return new ImapCompletion(status, space < 0 ? "" : rest[(space + 1)..], untagged);
            }
            if (response.Text.StartsWith("* BYE", StringComparison.OrdinalIgnoreCase))
            {
                // Before LOGOUT's OK this is the normal goodbye; any other time the connection ends next.
                bye = response.Text[2..];
            }
            untagged.Add(response);
        }
    }

    /// <summary>A string as an IMAP quoted string, or as a literal when it holds what a quoted string cannot (CR, LF, NUL, non-ASCII).</summary>
    public static object AString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Any(c => c is '\r' or '\n' or '\0' or > (char)126))
        {
            return Encoding.UTF8.GetBytes(value);
        }
        return "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }

    public async Task<ImapResponse> ReadResponseAsync(CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        var literals = new List<byte[]>();
        while (true)
        {
            var line = await ReadLineAsync(cancellationToken);
            text.Append(line);
            if (LiteralLength(line) is not { } length)
            {
                return new ImapResponse(text.ToString(), literals);
            }
            if (length > _maxLiteralBytes)
            {
                throw new ImapException($"The server sent a literal of {length} bytes, more than the {_maxLiteralBytes} this client reads.");
            }
            var literal = new byte[length];
            await _input.ReadExactlyAsync(literal, cancellationToken);
            literals.Add(literal);
        }
    }

    /// <summary>The n of a line that ends with <c>{n}</c>, or null.</summary>
    private static long? LiteralLength(string line)
    {
        if (!line.EndsWith('}'))
        {
            return null;
        }
        var open = line.LastIndexOf('{');
        return open >= 0 && long.TryParse(line.AsSpan(open + 1, line.Length - open - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        var bytes = new List<byte>(128);
        var one = new byte[1];
        while (true)
        {
            if (await _input.ReadAsync(one, cancellationToken) == 0)
            {
                throw new ImapException("The server closed the connection.");
            }
            if (one[0] == (byte)'\n')
            {
                if (bytes.Count > 0 && bytes[^1] == (byte)'\r')
                {
                    bytes.RemoveAt(bytes.Count - 1);
                }
                // Response text is ASCII by protocol; Latin-1 keeps any stray byte as one character.
                return Encoding.Latin1.GetString([.. bytes]);
            }
            bytes.Add(one[0]);
            if (bytes.Count > MaxLineBytes)
            {
                throw new ImapException("The server sent a response line longer than 1 MiB.");
            }
        }
    }

    private async Task WriteAsync(string text, CancellationToken cancellationToken)
    {
        await _stream.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        await _stream.FlushAsync(cancellationToken);
    }

    /// <summary>A refused certificate becomes an <see cref="ImapException"/> saying why (<see cref="ServerCertificateCheck"/>).</summary>
    private static async Task<Stream> TlsAsync(Stream stream, string host, int port, X509Certificate2Collection? trustedRoots, CancellationToken cancellationToken)
    {
        var check = new ServerCertificateCheck(host, trustedRoots);
        var tls = new SslStream(stream, leaveInnerStreamOpen: false);
        try
        {
            await tls.AuthenticateAsClientAsync(check.Options(), cancellationToken);
            return tls;
        }
        catch (AuthenticationException) when (check.Refusal is { } refusal)
        {
            await tls.DisposeAsync();
            throw new ImapException(string.Create(CultureInfo.InvariantCulture, $"TLS with {host}:{port} failed: {refusal}"));
        }
        catch
        {
            await tls.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _input.DisposeAsync();
        await _stream.DisposeAsync();
        _tcp.Dispose();
    }
}
