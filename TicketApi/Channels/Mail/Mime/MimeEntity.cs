using System.Text;

namespace TicketApi.Channels.Mail.Mime;

/// <summary>
/// One MIME entity (RFC 2045/2046): its headers, its content type and, for <c>multipart/*</c>, its parts; otherwise
/// its decoded content (transfer encoding undone: base64, quoted-printable, 7bit/8bit/binary as they are).
/// Parsing never throws on malformed mail: what cannot be read as structure is read as text, because a customer's
/// mail that reaches the desk garbled is better than one that does not reach it.
/// </summary>
public sealed class MimeEntity
{
    /// <summary>Nesting deeper than this is read as an opaque part: a guard against crafted mail, not a real limit.</summary>
    private const int MaxDepth = 20;

    private MimeEntity(MimeHeaders headers, HeaderParameters contentType, byte[] content, IReadOnlyList<MimeEntity> parts)
    {
        Headers = headers;
        ContentType = contentType;
        Content = content;
        Parts = parts;
    }

    public MimeHeaders Headers { get; }

    /// <summary>Lower-case type/subtype (<c>text/plain</c> when the header is absent, as RFC 2045 says) and parameters.</summary>
    public HeaderParameters ContentType { get; }

    /// <summary>The decoded bytes of a leaf part; empty for a multipart.</summary>
    public byte[] Content { get; }

    public IReadOnlyList<MimeEntity> Parts { get; }

    public bool IsMultipart => ContentType.Value.StartsWith("multipart/", StringComparison.Ordinal);

    /// <summary>The file name from Content-Disposition's filename or Content-Type's name, or null.</summary>
    public string? FileName
    {
        get
        {
            var disposition = HeaderParameters.Parse(Headers["Content-Disposition"]);
            var name = disposition["filename"] ?? ContentType["name"];
            return string.IsNullOrWhiteSpace(name) ? null : Path.GetFileName(name.Trim().Replace('\\', '/'));
        }
    }

    public bool IsAttachment =>
        HeaderParameters.Parse(Headers["Content-Disposition"]).Value == "attachment" ||
        (!IsMultipart && FileName is not null) ||
        (!IsMultipart && !ContentType.Value.StartsWith("text/", StringComparison.Ordinal));

    /// <summary>A text part's content in its charset.</summary>
    public string Text => MimeCharsets.FindOrUtf8(ContentType["charset"]).GetString(Content);

    public static MimeEntity Parse(ReadOnlySpan<byte> message) => Parse(message, depth: 0);

    private static MimeEntity Parse(ReadOnlySpan<byte> message, int depth)
    {
        var (headerEnd, bodyStart) = FindHeaderEnd(message);
        var headers = MimeHeaders.Parse(message[..headerEnd]);
        var body = message[bodyStart..];
        var contentType = HeaderParameters.Parse(headers["Content-Type"]);
        if (contentType.Value.Length == 0 || !contentType.Value.Contains('/', StringComparison.Ordinal))
        {
            contentType = new HeaderParameters("text/plain", contentType.Parameters);
        }
        if (contentType.Value.StartsWith("multipart/", StringComparison.Ordinal) && contentType["boundary"] is { Length: > 0 } boundary && depth < MaxDepth)
        {
            var parts = Split(body, boundary).Select(part => Parse(part, depth + 1)).ToList();
            return new MimeEntity(headers, contentType, [], parts);
        }
        return new MimeEntity(headers, contentType, DecodeTransfer(body, headers["Content-Transfer-Encoding"]), []);
    }

    private static byte[] DecodeTransfer(ReadOnlySpan<byte> body, string? encoding)
    {
        switch (encoding?.Trim().ToLowerInvariant())
        {
            case "base64":
                var clean = new StringBuilder(body.Length);
                foreach (var b in body)
                {
                    if (b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9') or (byte)'+' or (byte)'/')
                    {
                        clean.Append((char)b);
                    }
                }
                // Drop an incomplete last quantum rather than refuse the whole part.
                clean.Length -= clean.Length % 4 == 1 ? 1 : 0;
                while (clean.Length % 4 != 0)
                {
                    clean.Append('=');
                }
                return Convert.FromBase64String(clean.ToString());
            case "quoted-printable":
                return QuotedPrintable.Decode(body);
            default:
                return body.ToArray();
        }
    }

    /// <summary>Where the header block ends and the body starts: at the first empty line (CRLF CRLF, or bare LF LF).</summary>
    private static (int HeaderEnd, int BodyStart) FindHeaderEnd(ReadOnlySpan<byte> message)
    {
        if (message.Length > 0 && message[0] == (byte)'\n')
        {
            return (0, 1);
        }
        if (message.Length > 1 && message[0] == (byte)'\r' && message[1] == (byte)'\n')
        {
            return (0, 2);
        }
        for (var i = 0; i < message.Length - 1; i++)
        {
            if (message[i] != (byte)'\n')
            {
                continue;
            }
            if (message[i + 1] == (byte)'\n')
            {
                return (i + 1, i + 2);
            }
            if (message[i + 1] == (byte)'\r' && i + 2 < message.Length && message[i + 2] == (byte)'\n')
            {
                return (i + 1, i + 3);
            }
        }
        return (message.Length, message.Length);
    }

    /// <summary>
    /// The body parts between <c>--boundary</c> lines (RFC 2046 section 5.1.1): the preamble before the first and
    /// the epilogue after <c>--boundary--</c> dropped, the line break before each delimiter belonging to it.
    /// </summary>
    private static List<byte[]> Split(ReadOnlySpan<byte> body, string boundary)
    {
        var delimiter = Encoding.ASCII.GetBytes("--" + boundary);
        var parts = new List<byte[]>();
        var lineStart = 0;
        var partStart = -1;
        while (lineStart <= body.Length)
        {
            var newline = body[lineStart..].IndexOf((byte)'\n');
            var lineEnd = newline < 0 ? body.Length : lineStart + newline;
            var line = body[lineStart..lineEnd];
            if (line.StartsWith(delimiter))
            {
                var rest = line[delimiter.Length..];
                var closing = rest.StartsWith("--"u8);
                if (IsBlank(closing ? rest[2..] : rest))
                {
                    if (partStart >= 0)
                    {
                        var end = lineStart;
                        // The CRLF before the delimiter is part of the delimiter.
                        if (end > partStart && body[end - 1] == (byte)'\n')
                        {
                            end--;
                        }
                        if (end > partStart && body[end - 1] == (byte)'\r')
                        {
                            end--;
                        }
                        parts.Add(body[partStart..Math.Max(partStart, end)].ToArray());
                    }
                    if (closing)
                    {
                        return parts;
                    }
                    partStart = newline < 0 ? body.Length : lineEnd + 1;
                }
            }
            if (newline < 0)
            {
                break;
            }
            lineStart = lineEnd + 1;
        }
        if (partStart >= 0 && partStart < body.Length)
        {
            parts.Add(body[partStart..].ToArray()); // no closing delimiter: the last part runs to the end
        }
        return parts;
    }

    private static bool IsBlank(ReadOnlySpan<byte> rest)
    {
        foreach (var b in rest)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
            {
                return false;
            }
        }
        return true;
    }
}
