using Microsoft.AspNetCore.Mvc;
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
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (text.Trim().Length > ArticleQueryParser.MaxSearchLength)
        {
            errors[ArticleQueryParser.Search] = [$"Search text is limited to {ArticleQueryParser.MaxSearchLength} characters."];
        }
        if (category is not null && !Contracts.TicketLabels.IsValid(Triage.TriageField.Category, category))
        {
            errors[ArticleQueryParser.Category] = [$"Invalid category '{category}'. Allowed values are: {Contracts.TicketLabels.AllowedList(Triage.TriageField.Category)}."];
        }
        if (errors.Count > 0)
        {
            return TicketProblems.Fields(StatusCodes.Status400BadRequest, "One or more query parameters are invalid.", errors).ProblemDetails;
        }
        var query = new ArticleQuery
        {
            Search = SearchTerms.From(text),
            Categories = category is null ? null : [category],
            PageSize = Math.Clamp(limit, 1, ArticleQuery.MaxPageSize),
        };
        var (count, articles) = await store.ListAsync(query, cancellationToken);
        return new TicketService.Outcome<ArticlePage>(new ArticlePage(count, null, null, articles.Select(a => a.ShownTo(Accounts.ActingContext.Actor)).ToList()), null);
    }

    public async Task<TicketService.Outcome<ArticleDto>> GetAsync(long id, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is { } article
            ? new TicketService.Outcome<ArticleDto>(article.ShownTo(Accounts.ActingContext.Actor), null, article.Version)
            : ArticleProblems.NotFound(id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ProblemDetails;
}
