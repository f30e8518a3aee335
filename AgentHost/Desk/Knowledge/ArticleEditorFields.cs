using TicketApi.KnowledgeBase;

namespace AgentHost.Desk.Knowledge;

/// <summary>What the article editor (<c>_ArticleEditor.cshtml</c>) starts with, and the word on its button.</summary>
public sealed record ArticleEditorFields(string Title, string Category, string Tags, string Body, string InternalNotes, string Submit)
{
    public static ArticleEditorFields Empty { get; } = new("", "OTHER", "", "", "", "Create");

    public static ArticleEditorFields For(ArticleDto article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return new(article.Title, article.Category, string.Join(", ", article.Tags), article.Body, article.InternalNotes, "Save");
    }
}
