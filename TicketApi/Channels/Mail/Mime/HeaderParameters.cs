using System.Text;

namespace TicketApi.Channels.Mail.Mime;

/// <summary>
/// A structured field such as <c>Content-Type: text/plain; charset="utf-8"</c> or <c>Content-Disposition: attachment;
/// filename*=utf-8''r%C3%A9sum%C3%A9.pdf</c>: its value (lower-cased) and parameters, quoted strings unquoted,
/// RFC 2231 extended values decoded and RFC 2047 words in a quoted name decoded (what many mailers still send).
/// </summary>
public sealed record HeaderParameters(string Value, IReadOnlyDictionary<string, string> Parameters)
{
    public string? this[string name] => Parameters.TryGetValue(name, out var value) ? value : null;

    public static HeaderParameters Parse(string? field)
    {
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(field))
        {
            return new HeaderParameters("", parameters);
        }
        var parts = SplitOutsideQuotes(field);
        var continued = new SortedDictionary<string, SortedDictionary<int, (string Text, bool Encoded)>>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in parts.Skip(1))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }
            var name = part[..equals].Trim();
            var value = Unquote(part[(equals + 1)..].Trim());
            var encoded = name.EndsWith('*');
            var bare = encoded ? name[..^1] : name;
            var star = bare.IndexOf('*', StringComparison.Ordinal);
            if (star > 0 && int.TryParse(bare[(star + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
            {
                var key = bare[..star];
                if (!continued.TryGetValue(key, out var pieces))
                {
                    continued[key] = pieces = new SortedDictionary<int, (string, bool)>();
                }
                pieces[index] = (value, encoded);
                continue;
            }
            parameters[bare] = encoded ? DecodeExtended(value, charset: null) : EncodedWords.Decode(value);
        }
        foreach (var (key, pieces) in continued)
        {
            // RFC 2231 continuations: the charset is named by the first piece only.
            string? charset = null;
            var text = new StringBuilder();
            foreach (var (index, piece) in pieces)
            {
                if (piece.Encoded)
                {
                    var value = piece.Text;
                    if (index == 0 && CharsetPrefix(value) is { } found)
                    {
                        charset = found.Charset;
                        value = found.Remainder;
                    }
                    text.Append(PercentDecode(value, MimeCharsets.FindOrUtf8(charset)));
                }
                else
                {
                    text.Append(piece.Text);
                }
            }
            parameters.TryAdd(key, text.ToString());
        }
        return new HeaderParameters(parts[0].Trim().ToLowerInvariant(), parameters);
    }

    private static string DecodeExtended(string value, string? charset)
    {
        if (CharsetPrefix(value) is { } found)
        {
            return PercentDecode(found.Remainder, MimeCharsets.FindOrUtf8(found.Charset));
        }
        return PercentDecode(value, MimeCharsets.FindOrUtf8(charset));
    }

    /// <summary><c>utf-8'en'rest</c> -> (utf-8, remainder).</summary>
    private static (string Charset, string Remainder)? CharsetPrefix(string value)
    {
        var first = value.IndexOf('\'', StringComparison.Ordinal);
        var second = first < 0 ? -1 : value.IndexOf('\'', first + 1);
        return second < 0 ? null : (value[..first], value[(second + 1)..]);
    }

    private static string PercentDecode(string value, Encoding encoding)
    {
        var bytes = new List<byte>(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '%' && i + 2 < value.Length &&
                byte.TryParse(value.AsSpan(i + 1, 2), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var b))
            {
                bytes.Add(b);
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(value[i].ToString()));
            }
        }
        return encoding.GetString([.. bytes]);
    }

    private static List<string> SplitOutsideQuotes(string field)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < field.Length; i++)
        {
            var c = field[i];
            if (c == '\\' && quoted && i + 1 < field.Length)
            {
                current.Append(c).Append(field[++i]);
                continue;
            }
            if (c == '"')
            {
                quoted = !quoted;
            }
            if (c == ';' && !quoted)
            {
                parts.Add(current.ToString());
                current.Clear();
                continue;
            }
            current.Append(c);
        }
        parts.Add(current.ToString());
        return parts;
    }

    private static string Unquote(string value)
    {
        if (value.Length < 2 || value[0] != '"' || value[^1] != '"')
        {
            return value;
        }
        var text = new StringBuilder(value.Length);
        for (var i = 1; i < value.Length - 1; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length - 1)
            {
                i++;
            }
            text.Append(value[i]);
        }
        return text.ToString();
    }
}
