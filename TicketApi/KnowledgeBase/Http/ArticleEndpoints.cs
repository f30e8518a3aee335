using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TicketApi.Accounts;
using TicketApi.Endpoints;
using TicketApi.Http;
using TicketApi.KnowledgeBase.Storage;

namespace TicketApi.KnowledgeBase.Http;

/// <summary>
/// The knowledge base (docs/knowledge-base.md). Routes match with and without the trailing slash.
/// <code>
///   GET    /api/articles/        List    200 page | 400 | 404 invalid page      (HEAD too)
///   POST   /api/articles/        Create  201 + Location + ETag | 400 | 409 slug | 413 | 415 | 422
///   GET    /api/articles/{id}/   Get     200 + ETag | 304 | 404                 (HEAD too)
///   PATCH  /api/articles/{id}/   Patch   200 + ETag | 400 | 404 | 409 | 412 | 413 | 415 | 422
///   DELETE /api/articles/{id}/   Delete  204 | 400 | 404 | 412
/// </code>
/// </summary>
public static class ArticleEndpoints
{
    public const string BasePath = "/api/articles";

    public static RouteGroupBuilder MapArticleEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(BasePath).WithTags("Knowledge base");

        group.MapGetAndHead("/", List).WithName("ListArticles").RequireAccess(Access.Read)
            .WithSummary("List articles: search (ranked by relevance), filter by category, order and page.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", Create).WithName("CreateArticle").RequireAccess(Access.StaffWrite)
            .WithSummary("Create an article; without a slug one is made from the title.")
            .WithMetadata(new RequestSizeLimitAttribute(ArticleBodyReader.MaxBodyBytes))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status408RequestTimeout)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGetAndHead("/{id}/", Get).WithName("GetArticle").RequireAccess(Access.Read)
            .WithSummary("Get one article, with its ETag.")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPatch("/{id}/", Patch).WithName("PatchArticle").RequireAccess(Access.StaffWrite)
            .WithSummary("Change some of an article's fields.")
            .WithMetadata(new RequestSizeLimitAttribute(ArticleBodyReader.MaxBodyBytes))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status408RequestTimeout)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapDelete("/{id}/", Delete).WithName("DeleteArticle").RequireAccess(Access.StaffWrite)
            .WithSummary("Delete an article.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        return group;
    }

    public static async Task<Results<Ok<ArticlePage>, ProblemHttpResult>> List(
        HttpRequest request, ArticleStore store, CancellationToken cancellationToken)
    {
        var parsed = ArticleQueryParser.Parse(request.Query);
        if (parsed.Query is not { } query)
        {
            return TicketProblems.Fields(StatusCodes.Status400BadRequest, "One or more query parameters are invalid.", parsed.Errors);
        }
        var (count, articles) = await store.ListAsync(query, cancellationToken);
        if (query.Page > 1 && articles.Count == 0)
        {
            return ArticleProblems.InvalidPage(query.Page);
        }
        return TypedResults.Ok(new ArticlePage(
            count,
            PageLinks.Next(request, query.Page, query.PageSize, count),
            PageLinks.Previous(request, query.Page),
            articles.Select(a => a.ShownTo(ActingContext.Actor)).ToList()));
    }

    public static async Task<Results<Created<ArticleDto>, ProblemHttpResult>> Create(
        HttpContext context, ArticleStore store, CancellationToken cancellationToken)
    {
        var body = await ArticleBodyReader.ReadAsync(context.Request, create: true, cancellationToken);
        if (body.Changes is not { } changes)
        {
            return body.Problem!;
        }
        switch (await store.CreateAsync(changes, cancellationToken))
        {
            case ArticleWriteOutcome.Done { Article: { } article }:
                context.Response.Headers.ETag = ETags.For(article.Version);
                return TypedResults.Created($"{BasePath}/{article.Id}/", article.ToDto());
            case ArticleWriteOutcome.SlugTaken taken:
                return ArticleProblems.SlugTaken(taken.Slug);
            default:
                throw new InvalidOperationException("A create ends as Done or SlugTaken.");
        }
    }

    public static async Task<Results<Ok<ArticleDto>, StatusCodeHttpResult, ProblemHttpResult>> Get(
        string id, HttpContext context, ArticleStore store, CancellationToken cancellationToken)
    {
        if (!TicketEndpoints.TryParseId(id, out var articleId) || await store.FindAsync(articleId, cancellationToken) is not { } article)
        {
            return ArticleProblems.NotFound(id);
        }
        context.Response.Headers.ETag = ETags.For(article.Version);
        return ETags.IfNoneMatchHits(context.Request, article.Version)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(article.ShownTo(ActingContext.Actor));
    }

    public static async Task<Results<Ok<ArticleDto>, ProblemHttpResult>> Patch(
        string id, HttpContext context, ArticleStore store, CancellationToken cancellationToken)
    {
        // A missing article is reported before anything about the body, as for tickets.
        if (!TicketEndpoints.TryParseId(id, out var articleId) || await store.FindAsync(articleId, cancellationToken) is null)
        {
            return ArticleProblems.NotFound(id);
        }
        var (precondition, error) = ETags.IfMatch(context.Request);
        if (error is not null)
        {
            return TicketProblems.BadRequest(error);
        }
        var body = await ArticleBodyReader.ReadAsync(context.Request, create: false, cancellationToken);
        if (body.Changes is not { } changes)
        {
            return body.Problem!;
        }
        switch (await store.UpdateAsync(articleId, changes, precondition, cancellationToken))
        {
            case ArticleWriteOutcome.Done { Article: { } article }:
                context.Response.Headers.ETag = ETags.For(article.Version);
                return TypedResults.Ok(article.ToDto());
            case ArticleWriteOutcome.SlugTaken taken:
                return ArticleProblems.SlugTaken(taken.Slug);
            case ArticleWriteOutcome.PreconditionFailed failed:
                return ArticleProblems.PreconditionFailed(articleId, ETags.For(failed.CurrentVersion));
            case ArticleWriteOutcome.Contended:
                return ArticleProblems.Contended(articleId);
            default:
                return ArticleProblems.NotFound(id);
        }
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        string id, HttpContext context, ArticleStore store, CancellationToken cancellationToken)
    {
        if (!TicketEndpoints.TryParseId(id, out var articleId))
        {
            return ArticleProblems.NotFound(id);
        }
        var (precondition, error) = ETags.IfMatch(context.Request);
        if (error is not null)
        {
            return TicketProblems.BadRequest(error);
        }
        return await store.DeleteAsync(articleId, precondition, cancellationToken) switch
        {
            ArticleWriteOutcome.Done => TypedResults.NoContent(),
            ArticleWriteOutcome.PreconditionFailed failed => ArticleProblems.PreconditionFailed(articleId, ETags.For(failed.CurrentVersion)),
            ArticleWriteOutcome.Contended => ArticleProblems.Contended(articleId),
            _ => ArticleProblems.NotFound(id),
        };
    }
}
