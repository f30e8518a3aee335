using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TicketApi.Http;
using TicketApi.KnowledgeBase;

namespace AgentHost.Desk.Knowledge;

/// <summary>
/// One article for staff (docs/desk.md, "Draft panel and knowledge base"): its body and internal notes rendered from
/// markdown (<see cref="ArticleMarkdown"/>), and the editor, which saves through <c>PATCH /api/articles/{id}/</c>
/// conditional on the version shown here.
/// </summary>
public sealed class ArticleModel(ArticleService articles) : PageModel
{
    public ArticleDto Article { get; private set; } = null!;

    /// <summary>The article's ETag as the API sends it, for the editor's and the delete's <c>If-Match</c>.</summary>
    public string ETag { get; private set; } = "";

    public ArticleEditorFields Editor => ArticleEditorFields.For(Article);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var found = await articles.GetAsync(id, cancellationToken);
        if (found.Value is null)
        {
            return NotFound();
        }
        Article = found.Value;
        ETag = ETags.For(found.Version ?? 0);
        return Page();
    }
}
