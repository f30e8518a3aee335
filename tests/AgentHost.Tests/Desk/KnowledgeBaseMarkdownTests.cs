using System.Text.RegularExpressions;
using AgentHost.Desk.Knowledge;

namespace AgentHost.Tests.Desk;

/// <summary>An article's markdown as the desk renders it (<see cref="ArticleMarkdown"/>): formatting yes, markup and script addresses no.</summary>
public sealed class KnowledgeBaseMarkdownTests
{
    [Fact]
    public void Headings_lists_emphasis_and_web_links_are_rendered()
    {
        var html = ArticleMarkdown.ToHtml("## Steps\n1. Open **Settings**.\n2. See [the guide](https://example.com/guide) or https://example.com/faq");

        Assert.Contains("<h2", html, StringComparison.Ordinal);
        Assert.Contains("<ol>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>Settings</strong>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.com/guide\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.com/faq\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_in_an_article_is_escaped_as_text()
    {
        var html = ArticleMarkdown.ToHtml("<script>alert(1)</script>\n\nInline <img src=x onerror=alert(1)> too.");

        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[guide](javascript:alert(1))")]
    [InlineData("[guide](JaVaScRiPt:alert(1))")]
    [InlineData("[guide](java%0Ascript:alert(1))")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("![logo](data:image/svg+xml;base64,PHN2Zz4=)")]
    [InlineData("[guide](vbscript:msgbox)")]
    public void A_link_to_anything_but_the_web_or_mail_loses_its_address(string markdown)
    {
        var html = ArticleMarkdown.ToHtml(markdown);

        var addresses = Regex.Matches(html, "(?:href|src)=\"([^\"]*)\"").Select(m => m.Groups[1].Value);
        Assert.All(addresses, address => Assert.Equal("", address));
    }

    [Theory]
    [InlineData("[mail us](mailto:help@example.com)", "mailto:help@example.com")]
    [InlineData("[another article](/kb/4)", "/kb/4")]
    public void Mail_and_addresses_on_this_site_are_kept(string markdown, string href)
    {
        Assert.Contains($"href=\"{href}\"", ArticleMarkdown.ToHtml(markdown), StringComparison.Ordinal);
    }
}
