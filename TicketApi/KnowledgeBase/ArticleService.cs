using TicketApi.Http;
using TicketApi.KnowledgeBase.Http;
using TicketApi.KnowledgeBase.Storage;
using TicketApi.Tickets;

namespace TicketApi.KnowledgeBase;

/// <summary>
/// The knowledge base as a library, for a host that carries the service in-process (the agent host's
/// embedded and MCP stdio modes): the same store, search and wording as <c>/api/articles/</c>, so a caller
/// cannot tell the two faces apart by what they answer.
/// </summary>
public sealed class ArticleService(ArticleStore store)
{
    /// <summary>As <c>GET /api/articles/?search=...&amp;category=...&amp;page_size=...</c>: ranked, best first.</summary>
    public async Task<TicketService.Outcome<ArticlePage>> SearchAsync(string text, string? category, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        return await ListAsync(text, category, 1, limit, cancellationToken);
    }

    /// <summary>
    /// As <c>GET /api/articles/?search=...&amp;category=...&amp;page=...&amp;page_size=...</c> (docs/knowledge-base.md,
    /// "Lists"): ranked by relevance with a search (null: none; a text without salient words matches nothing), by
    /// title without one; a page past the last is the API's 404.
    /// </summary>
    public async Task<TicketService.Outcome<ArticlePage>> ListAsync(string? search, string? category, int page, int pageSize, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (search is not null && search.Trim().Length > ArticleQueryParser.MaxSearchLength)
        {
            errors[ArticleQueryParser.Search] = [$"Search text is limited to {ArticleQueryParser.MaxSearchLength} characters."];
        }
        if (category is not null && !Contracts.TicketLabels.IsValid(Triage.TriageField.Category, category))
        {
            errors[ArticleQueryParser.Category] = [$"Invalid category '{category}'. Allowed values are: {Contracts.TicketLabels.AllowedList(Triage.TriageField.Category)}."];
        }
        if (page < 1)
        {
            errors[ArticleQueryParser.Page] = [$"'{page}' is not a page number: use a whole number from 1."];
        }
        if (errors.Count > 0)
        {
            return TicketProblems.Fields(StatusCodes.Status400BadRequest, "One or more query parameters are invalid.", errors).ProblemDetails;
        }
        var query = new ArticleQuery
        {
            Search = search is null ? null : SearchTerms.From(search),
            Categories = category is null ? null : [category],
            Page = page,
            PageSize = Math.Clamp(pageSize, 1, ArticleQuery.MaxPageSize),
        };
        var (count, articles) = await store.ListAsync(query, cancellationToken);
        if (page > 1 && articles.Count == 0)
        {
            return ArticleProblems.InvalidPage(page).ProblemDetails;
        }
        return new TicketService.Outcome<ArticlePage>(new ArticlePage(count, null, null, articles.Select(a => a.ShownTo(Accounts.ActingContext.Actor)).ToList()), null);
    }

    public async Task<TicketService.Outcome<ArticleDto>> GetAsync(long id, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is { } article
            ? new TicketService.Outcome<ArticleDto>(article.ShownTo(Accounts.ActingContext.Actor), null, article.Version)
            : ArticleProblems.NotFound(id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ProblemDetails;
}
