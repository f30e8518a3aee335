using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace TicketApi.Channels.Mail.Mime;

/// <summary>
/// An HTML-only mail's body as readable text: scripts, styles, the head and comments dropped; block elements and
/// <c>&lt;br&gt;</c> become line breaks, table cells spaces, list items "- " lines; every other tag removed, entities decoded, runs of
/// blanks and blank lines collapsed. What a person would read in the rendered mail, not a rendering of it.
/// </summary>
public static partial class HtmlText
{
    public static string ToText(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var text = Hidden().Replace(html, " ");
        text = Comment().Replace(text, " ");
        text = LineBreak().Replace(text, "\n");
        text = ListItem().Replace(text, "\n- ");
        text = BlockEdge().Replace(text, "\n");
        text = Cell().Replace(text, " ");
        text = Tag().Replace(text, "");
        text = WebUtility.HtmlDecode(text).Replace('\u00a0', ' ');
        var lines = new StringBuilder();
        var blank = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = Blanks().Replace(rawLine, " ").Trim();
            if (line.Length == 0)
            {
                blank++;
                continue;
            }
            if (lines.Length > 0)
            {
                lines.Append(blank > 0 ? "\n\n" : "\n");
            }
            blank = 0;
            lines.Append(line);
        }
        return lines.ToString();
    }

    [GeneratedRegex(@"<(script|style|head|title|noscript|template)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Hidden();

    [GeneratedRegex(@"<!--.*?(-->|$)", RegexOptions.Singleline | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Comment();

    [GeneratedRegex(@"<br\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"<li\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ListItem();

    [GeneratedRegex(@"</?(p|div|h[1-6]|ul|ol|tr|table|blockquote|pre|hr|section|article|header|footer)\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex BlockEdge();

    [GeneratedRegex(@"</?t[dh]\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Cell();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Tag();

    [GeneratedRegex(@"[ \t\r\f\v]+", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Blanks();
}
