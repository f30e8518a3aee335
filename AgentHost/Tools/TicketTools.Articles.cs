using System.Text;
using System.Text.Json.Serialization;
using TicketApi.KnowledgeBase;
using TicketApi.Triage;
using Kind = TicketApi.Querying.TicketQueryParameters.ValueKind;

namespace AgentHost.Tools;

/// <summary>
/// The knowledge-base tools (docs/tools.md, "Knowledge base"): both read-only. The tools serve staff (the chat's
/// user and MCP clients are agents), so <c>get_article</c> returns the internal notes too, under a name that
/// says they are for staff only; summaries never quote them.
/// </summary>
public sealed partial class TicketTools
{
    /// <summary>How many articles a search returns: enough to choose from, few enough to read.</summary>
    public const int ArticleSearchLimit = 5;

    public TicketToolFunction SearchArticles() => new(TicketToolCatalogue.SearchArticles,
        "Search the knowledge base for articles that answer a problem, best match first. Give the problem in plain words (a ticket's title and description work). Returns id, title, category and tags; read one with get_article.",
        [
            new("query", Kind.Text, "The problem in plain words, e.g. 'vpn keeps dropping'; up to 500 characters.", Required: true),
            new("category", Kind.Label, $"Only articles of this category: one of {string.Join(", ", TriageLabels.Categories)}.", Labels: TriageLabels.Categories),
        ],
        SearchArticlesAsync);

    public TicketToolFunction GetArticle() => new(TicketToolCatalogue.GetArticle,
        "Get one knowledge-base article: its customer-safe steps, and its internal notes for staff. Never send the internal notes to a requester.",
        [new ToolParameter("id", Kind.WholeNumber, "The article id (search_articles shows it).", Required: true)],
        GetArticleAsync);

    private async Task<TicketToolResult> SearchArticlesAsync(ToolArguments arguments, CancellationToken cancellationToken)
    {
        var query = arguments.Text("query")!;
        var result = await tickets.SearchArticlesAsync(query, arguments.Text("category"), ArticleSearchLimit, cancellationToken);
        if (result.Value is not { } page)
        {
            return TicketToolResult.Failure(result.Problem!);
        }
        var found = page.Results.Select(article => ArticleBrief.From(article, query)).ToList();
        var summary = new StringBuilder(found.Count == 0
            ? $"No article matches '{query.Trim()}'."
            : $"{page.Count} {(page.Count == 1 ? "article matches" : "articles match")} '{query.Trim()}', best first:");
        foreach (var article in found)
        {
            summary.Append(System.Globalization.CultureInfo.InvariantCulture, $"\n- article #{article.Id} {article.Title} ({article.Category})");
        }
        return TicketToolResult.Success(summary.ToString(), new ArticleSearchData(page.Count, found));
    }

    private async Task<TicketToolResult> GetArticleAsync(ToolArguments arguments, CancellationToken cancellationToken)
    {
        var result = await tickets.GetArticleAsync(arguments.Id(), cancellationToken);
        if (result.Value is not { } article)
        {
            return TicketToolResult.Failure(result.Problem!);
        }
        return TicketToolResult.Success(
            $"Article #{article.Id} '{article.Title}' ({article.Category}): customer-safe steps, and internal notes for staff only.",
            new ArticleDetail(article.Id, article.Slug, article.Title, article.Category, article.Tags, article.Body, article.InternalNotes));
    }
}

/// <summary>
/// One line of a search_articles result. <see cref="Coverage"/> (0-1, two decimals): the share of the query's salient
/// terms the article holds (docs/knowledge-base.md, "Retrieval"); the same on both stores and over HTTP, so a
/// "matches well" threshold (the chat's self-service, docs/offline-assistant.md) is set once.
/// </summary>
public sealed record ArticleBrief(long Id, string Slug, string Title, string Category, IReadOnlyList<string> Tags, double Coverage)
{
    public static ArticleBrief From(ArticleDto article, string query)
    {
        ArgumentNullException.ThrowIfNull(article);
        var (_, coverage) = KnowledgeBaseSearch.Cover(query, article.Title, article.Tags, article.Body);
        return new(article.Id, article.Slug, article.Title, article.Category, article.Tags, Math.Round(coverage, 2));
    }
}

/// <summary>The data of a <c>search_articles</c> result: how many match, and the best few.</summary>
public sealed record ArticleSearchData(long Count, IReadOnlyList<ArticleBrief> Articles);

/// <summary>
/// The data of a <c>get_article</c> result. The two texts are named for who may read them, so neither a model
/// nor a person can mistake the staff notes for something to pass on.
/// </summary>
public sealed record ArticleDetail(
    long Id,
    string Slug,
    string Title,
    string Category,
    IReadOnlyList<string> Tags,
    [property: JsonPropertyName("customer_safe_steps")] string CustomerSafeSteps,
    [property: JsonPropertyName("internal_notes_staff_only")] string InternalNotesStaffOnly);
