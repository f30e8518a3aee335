using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using TicketApi.KnowledgeBase;
using TicketApi.Triage;

namespace AgentHost.Desk.Knowledge;

/// <summary>
/// The knowledge base list (docs/desk.md, "Draft panel and knowledge base"): a plain GET form, so searching works with
/// JavaScript off, read through <see cref="ArticleService"/>, which ranks exactly as <c>GET /api/articles/?search=</c>.
/// </summary>
public sealed class IndexModel(ArticleService articles) : PageModel
{
    public const int PageSize = 20;

    public string Query { get; private set; } = "";

    public string? Category { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public ArticlePage? Results { get; private set; }

    /// <summary>The API's refusal of the search (a too long text, an unknown category, a page past the end).</summary>
    public Microsoft.AspNetCore.Mvc.ProblemDetails? Problem { get; private set; }

    public static IReadOnlyList<string> Categories => TriageLabels.Of(TriageField.Category);

    public int PageCount => Results is null ? 0 : (int)Math.Max(1, (Results.Count + PageSize - 1) / PageSize);

    // "page" is a route value of Razor Pages itself (the page's path), so the query parameters are read by hand.
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Query = Request.Query["q"].ToString().Trim();
        Category = Request.Query["category"].ToString() is { Length: > 0 } category ? category : null;
        var pageText = Request.Query["page"].ToString();
        PageNumber = pageText.Length == 0 ? 1
            : int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 0;

        var listed = await articles.ListAsync(Query.Length == 0 ? null : Query, Category, PageNumber, PageSize, cancellationToken);
        Results = listed.Value;
        Problem = listed.Problem;
        if (Problem is not null)
        {
            Response.StatusCode = Problem.Status ?? StatusCodes.Status400BadRequest;
        }
        return Page();
    }

    /// <summary>This list's address with another page number, keeping the search and the category.</summary>
    public string PageLink(int page)
    {
        var parameters = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (Query.Length > 0)
        {
            parameters["q"] = Query;
        }
        if (Category is not null)
        {
            parameters["category"] = Category;
        }
        parameters["page"] = page.ToString(CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString("/kb", parameters);
    }
}
