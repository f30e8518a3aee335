namespace TicketApi.Channels.Mail.Mime;

/// <summary>Quoted-printable (RFC 2045 section 6.7) and the Q encoding of header words (RFC 2047 section 4.2).</summary>
public static class QuotedPrintable
{
    /// <summary>A body: <c>=XX</c> is a byte, <c>=</c> at a line's end joins it to the next; a malformed escape is kept as written.</summary>
    public static byte[] Decode(ReadOnlySpan<byte> encoded)
    {
        var output = new List<byte>(encoded.Length);
        for (var i = 0; i < encoded.Length; i++)
        {
            var b = encoded[i];
            if (b != (byte)'=')
            {
                output.Add(b);
                continue;
            }
            // A soft line break: '=' then optional trailing blanks, then CRLF or LF.
            var j = i + 1;
            while (j < encoded.Length && (encoded[j] == (byte)' ' || encoded[j] == (byte)'\t'))
            {
                j++;
            }
            if (j < encoded.Length && encoded[j] == (byte)'\r' && j + 1 < encoded.Length && encoded[j + 1] == (byte)'\n')
            {
                i = j + 1;
                continue;
            }
            if (j < encoded.Length && encoded[j] == (byte)'\n')
            {
                i = j;
                continue;
            }
            if (j == encoded.Length)
            {
                break;
            }
            if (i + 2 < encoded.Length && Hex(encoded[i + 1]) is { } high && Hex(encoded[i + 2]) is { } low)
            {
                output.Add((byte)(high * 16 + low));
                i += 2;
                continue;
            }
            output.Add(b);
        }
        return [.. output];
    }

    /// <summary>A header word: as a body, and <c>_</c> is a space.</summary>
    public static byte[] DecodeWord(string encoded)
    {
        var bytes = System.Text.Encoding.ASCII.GetBytes(encoded.Replace('_', ' '));
        return Decode(bytes);
    }

    private static int? Hex(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        _ => null,
    };
}
