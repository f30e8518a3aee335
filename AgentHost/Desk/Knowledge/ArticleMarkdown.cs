using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace AgentHost.Desk.Knowledge;

/// <summary>
/// An article's markdown (docs/knowledge-base.md, "Resource": <c>body</c> and <c>internal_notes</c>) as HTML for the
/// desk (docs/desk.md, "Draft panel and knowledge base"). Anyone on staff may write an article, so its text is never
/// trusted as markup: HTML in it is shown as text, and a link or image whose address is not http(s), mailto or on this
/// site (javascript:, data:, ...) loses its address.
/// </summary>
public static class ArticleMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .Build();

    public static string ToHtml(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafe(link.Url))
            {
                link.Url = "";
            }
        }
        foreach (var link in document.Descendants<AutolinkInline>())
        {
            if (!IsSafe(link.Url))
            {
                link.Url = "";
            }
        }
        return document.ToHtml(Pipeline);
    }

    /// <summary>A relative address (no scheme) or one of the schemes a help article has reason to link.</summary>
    private static bool IsSafe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return true;
        }
        // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:"), so judge without them.
        var compact = new string(url.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray());
        var colon = compact.IndexOf(':', StringComparison.Ordinal);
        var slash = compact.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (slash >= 0 && slash < colon))
        {
            return true;
        }
        var scheme = compact[..colon];
        return scheme.Equals("http", StringComparison.OrdinalIgnoreCase)
            || scheme.Equals("https", StringComparison.OrdinalIgnoreCase)
            || scheme.Equals("mailto", StringComparison.OrdinalIgnoreCase);
    }
}
