using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TicketApi;
using TicketApi.Contracts;
using TicketApi.Drafts;
using TicketApi.Drafts.Writing;
using TicketApi.KnowledgeBase;

namespace DraftEval;

/// <summary>
/// The ticket service as drafting meets it with no model: a fresh SQLite file (removed afterwards) with the
/// starter articles loaded by the service's own start-up, and the offline writer whatever the environment says.
/// </summary>
internal sealed class DraftDesk(IHost host, string databasePath) : IAsyncDisposable
{
    private OfflineDraftWriter writer = host.Services.GetRequiredService<OfflineDraftWriter>();
    private DraftRetrieval retrieval = host.Services.GetRequiredService<DraftRetrieval>();

    public static async Task<DraftDesk> StartAsync(CancellationToken cancellationToken)
    {
        var databasePath = Path.Combine(Path.GetTempPath(), $"draft-eval-{Guid.NewGuid():N}.db");
        var builder = Host.CreateApplicationBuilder([]);
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Tickets"] = $"Data Source={databasePath}",
            ["TRIAGE_MODEL"] = "off",
            ["DRAFT_MODEL"] = "off",
            ["KB_SEED"] = "true",
        });
        builder.Services.AddTicketApi(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync(cancellationToken); // schema, then the starter articles
        return new DraftDesk(host, databasePath);
    }

    public async Task<DraftContent> DraftAsync(EvalItem item, CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
        var ticket = new TicketDto(0, item.Title, item.Description, now, now, TicketStatus.Open, RequesterName: item.RequesterName);
        return await writer.WriteAsync(new DraftSubject(ticket, []), null, cancellationToken);
    }

    /// <summary>Why the writer chose what it did: the fit and each candidate's coverage, title/tag terms and score.</summary>
    public async Task<string> ExplainAsync(EvalItem item, CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
        var ticket = new TicketDto(0, item.Title, item.Description, now, now, TicketStatus.Open, RequesterName: item.RequesterName);
        var evidence = await retrieval.FindAsync(new DraftSubject(ticket, []), cancellationToken);
        var terms = SearchTerms.From(item.Title + "\n" + item.Description);
        return $"    fit {evidence.Fit}, model {evidence.ModelConfidence:0.00}, P(FINAL) {evidence.FinalProbability:0.00}, facts {evidence.Facts}\n" + string.Join("\n", evidence.Articles.Select(a =>
            string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"    {a.Article.Slug}: coverage {a.Coverage:0.00}, key {DraftRetrieval.KeyTerms(a.Article, terms)}, score {a.Score:0.00}, matched {string.Join(' ', a.MatchedTerms)}")));
    }

    /// <summary>
    /// Drafts from now on with an article model and a status model of the caller's (cross-validation: one trained without the set
    /// being scored) instead of the service's, which learned from every embedded set.
    /// </summary>
    public void UseModel(ArticleModel model, StatusModel statusModel)
    {
        retrieval = new DraftRetrieval(host.Services.GetRequiredService<KnowledgeBaseSearch>(), host.Services.GetRequiredService<ResolvedReplySearch>(), model, statusModel);
        writer = new OfflineDraftWriter(retrieval, host.Services.GetRequiredService<KnowledgeBaseSearch>());
    }

    /// <summary>Every article in the knowledge base (the starter set).</summary>
    public async Task<IReadOnlyList<Article>> ArticlesAsync(CancellationToken cancellationToken)
    {
        var (_, articles) = await host.Services.GetRequiredService<TicketApi.KnowledgeBase.Storage.ArticleStore>()
            .ListAsync(new ArticleQuery { PageSize = 1000 }, cancellationToken);
        return articles;
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(databasePath + suffix);
        }
    }
}
