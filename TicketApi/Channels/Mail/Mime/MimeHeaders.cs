using System.Text;

namespace TicketApi.Channels.Mail.Mime;

/// <summary>
/// An RFC 5322 header block: folded lines unfolded, names case-insensitive, values kept raw (a caller decodes
/// RFC 2047 words where the field allows them, with <see cref="EncodedWords"/>). Header bytes are read as UTF-8
/// when they are valid UTF-8 (RFC 6532) and as Latin-1 otherwise, so no byte is ever lost or refused.
/// </summary>
public sealed class MimeHeaders
{
    private readonly List<KeyValuePair<string, string>> _fields;

    private MimeHeaders(List<KeyValuePair<string, string>> fields) => _fields = fields;

    public static MimeHeaders Empty { get; } = new([]);

    /// <summary>The first value of <paramref name="name"/>, or null.</summary>
    public string? this[string name] => _fields.FirstOrDefault(f => string.Equals(f.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public bool Has(string name) => this[name] is not null;

    /// <summary>Parses the header block in <paramref name="block"/> (without the blank line that ends it).</summary>
    public static MimeHeaders Parse(ReadOnlySpan<byte> block)
    {
        var text = DecodeHeaderBytes(block);
        var fields = new List<KeyValuePair<string, string>>();
        string? name = null;
        var value = new StringBuilder();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t'))
            {
                // A continuation: RFC 5322 unfolding removes the line break only, the white space stays.
                if (name is not null)
                {
                    value.Append(line);
                }
                continue;
            }
            if (name is not null)
            {
                fields.Add(new(name, value.ToString().Trim()));
                name = null;
            }
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                name = line[..colon].Trim();
                value.Clear().Append(line, colon + 1, line.Length - colon - 1);
            }
        }
        if (name is not null)
        {
            fields.Add(new(name, value.ToString().Trim()));
        }
        return new MimeHeaders(fields);
    }

    private static string DecodeHeaderBytes(ReadOnlySpan<byte> block)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(block);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(block);
        }
    }
}
