using System.Text;
using System.Text.RegularExpressions;

namespace TicketApi.Drafts.Writing;

/// <summary>
/// An article's customer-safe body as plain text (docs/drafts.md, "Writing a draft: the reply"): its list
/// items as steps and its other paragraphs (the "contact us with ..." advice), markdown removed. Built from
/// <c>body</c> only, never from internal notes, so nothing here can carry staff-only text into a reply.
/// </summary>
public sealed partial record ArticleSteps(IReadOnlyList<string> Steps, IReadOnlyList<string> Paragraphs)
{
    public static ArticleSteps From(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var steps = new List<string>();
        var paragraphs = new List<string>();
        StringBuilder? current = null;
        var currentIsStep = false;

        void Flush()
        {
            if (current is { Length: > 0 })
            {
                (currentIsStep ? steps : paragraphs).Add(PlainText.From(current.ToString()));
            }
            current = null;
        }

        foreach (var raw in body.Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.Length == 0 || line.TrimStart().StartsWith('#'))
            {
                Flush();
                continue;
            }
            var item = ListItem().Match(line);
            if (item.Success)
            {
                Flush();
                current = new StringBuilder(item.Groups["text"].Value.Trim());
                currentIsStep = true;
            }
            else if (current is null)
            {
                current = new StringBuilder(line.Trim());
                currentIsStep = false;
            }
            else
            {
                current.Append(' ').Append(line.Trim());
            }
        }
        Flush();
        return new ArticleSteps(steps, paragraphs);
    }

    [GeneratedRegex(@"^\s*(?:\d+[.)]|[-*+])\s+(?<text>.*)$")]
    private static partial Regex ListItem();
}

/// <summary>Markdown inline marks turned into plain text for an e-mail reply.</summary>
public static partial class PlainText
{
    public static string From(string markdown)
    {
        var text = Link().Replace(markdown, m => m.Groups["text"].Value == m.Groups["url"].Value
            ? m.Groups["url"].Value : $"{m.Groups["text"].Value} ({m.Groups["url"].Value})");
        text = text.Replace("**", "", StringComparison.Ordinal).Replace("__", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal);
        text = Emphasis().Replace(text, "${text}");
        text = Spaces().Replace(text, " ");
        return SupportContact(text.Trim());
    }

    /// <summary>The reply comes from support: "contact support" reads as "reply to this message" there.</summary>
    private static string SupportContact(string text) => text
        .Replace("Contact support", "Reply to this message", StringComparison.Ordinal)
        .Replace("contact support", "reply to this message", StringComparison.Ordinal)
        .Replace("Contact us", "Reply to this message", StringComparison.Ordinal)
        .Replace("contact us", "reply to this message", StringComparison.Ordinal);

    [GeneratedRegex(@"\[(?<text>[^\]]+)\]\((?<url>[^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"(?<![\w*])\*(?<text>[^*\n]+)\*(?![\w*])")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex Spaces();
}
