using System.Text;
using System.Text.RegularExpressions;

namespace TicketApi.Channels.Mail.Mime;

/// <summary>
/// RFC 2047 encoded words in header text (<c>=?utf-8?B?...?=</c>, <c>=?iso-8859-1?Q?...?=</c>): decoded in place,
/// the white space between two adjacent encoded words dropped (RFC 2047 section 6.2). A word in an unknown
/// charset or with broken encoding is left as it was written rather than refused.
/// </summary>
public static partial class EncodedWords
{
    public static string Decode(string? value)
    {
        if (string.IsNullOrEmpty(value) || !value.Contains("=?", StringComparison.Ordinal))
        {
            return value ?? "";
        }
        var text = new StringBuilder();
        var last = 0;
        var previousWasWord = false;
        foreach (Match match in Word().Matches(value))
        {
            var between = value[last..match.Index];
            if (!(previousWasWord && string.IsNullOrWhiteSpace(between)))
            {
                text.Append(between);
            }
            var decoded = DecodeWord(match.Groups["charset"].Value, match.Groups["encoding"].Value, match.Groups["text"].Value);
            text.Append(decoded ?? match.Value);
            previousWasWord = decoded is not null;
            last = match.Index + match.Length;
        }
        text.Append(value, last, value.Length - last);
        return text.ToString();
    }

    private static string? DecodeWord(string charset, string encoding, string encoded)
    {
        // RFC 2231 allows a language after the charset: utf-8*en.
        var star = charset.IndexOf('*', StringComparison.Ordinal);
        if (MimeCharsets.Find(star < 0 ? charset : charset[..star]) is not { } target)
        {
            return null;
        }
        try
        {
            var bytes = encoding.Equals("B", StringComparison.OrdinalIgnoreCase)
                ? Convert.FromBase64String(PadBase64(encoded))
                : QuotedPrintable.DecodeWord(encoded);
            return target.GetString(bytes);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string PadBase64(string text) => (text.Length % 4) switch
    {
        2 => text + "==",
        3 => text + "=",
        _ => text,
    };

    [GeneratedRegex(@"=\?(?<charset>[^?\s]+)\?(?<encoding>[BbQq])\?(?<text>[^?\s]*)\?=", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
