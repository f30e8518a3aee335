using System.Text;

namespace TicketApi.Channels.Mail.Mime;

/// <summary>
/// Charsets by their MIME names. .NET Core knows only UTF-8/16/32, ASCII and Latin-1 by itself; the code pages
/// mail still arrives in (windows-1252, iso-8859-2, koi8-r, shift_jis ...) come from <see cref="CodePagesEncodingProvider"/>,
/// registered once here. An unknown name is null: the caller falls back to UTF-8 (with replacement characters).
/// </summary>
public static class MimeCharsets
{
    static MimeCharsets() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding? Find(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }
        var trimmed = name.Trim().Trim('"');
        // us-ascii text is often Latin-1 or UTF-8 in practice; UTF-8 reads ASCII the same and keeps more.
        if (trimmed.Equals("us-ascii", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("ascii", StringComparison.OrdinalIgnoreCase))
        {
            return Encoding.UTF8;
        }
        try
        {
            return Encoding.GetEncoding(trimmed);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    public static Encoding FindOrUtf8(string? name) => Find(name) ?? Encoding.UTF8;
}
