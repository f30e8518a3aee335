using TicketApi.KnowledgeBase.Storage;

namespace TicketApi.KnowledgeBase.Starter;

/// <summary>
/// On start, after the schema is up to date (<see cref="Data.DatabaseStartup"/> is registered first), loads
/// the starter articles into a knowledge base that has never been loaded and is empty, unless
/// <c>KB_SEED=false</c> (docs/knowledge-base.md, "Starter articles"). Two hosts starting at once take turns
/// on the store's lock; the second finds the work done.
/// </summary>
public sealed class StarterArticleLoader(KnowledgeBaseOptions options, ArticleStore store, ILogger<StarterArticleLoader> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.LoadStarterArticles)
        {
            logger.LogInformation("Starter articles not loaded: KB_SEED is false.");
            return;
        }
        var loaded = await store.LoadStarterAsync(StarterArticleParser.LoadEmbedded(), cancellationToken);
        if (loaded is { } count)
        {
            logger.LogInformation("Loaded {Count} starter articles into the knowledge base.", count);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>The knowledge base's settings: <c>KB_SEED</c> (default true).</summary>
public sealed class KnowledgeBaseOptions
{
    public const string SeedVariable = "KB_SEED";

    public bool LoadStarterArticles { get; init; } = true;

    /// <summary><c>true</c>/<c>false</c>, <c>1</c>/<c>0</c>, <c>yes</c>/<c>no</c> in any case; anything else stops the start naming the variable.</summary>
    public static KnowledgeBaseOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration[SeedVariable]?.Trim();
        return new KnowledgeBaseOptions
        {
            LoadStarterArticles = value?.ToLowerInvariant() switch
            {
                null or "" or "true" or "1" or "yes" => true,
                "false" or "0" or "no" => false,
                _ => throw new InvalidOperationException($"{SeedVariable}='{value}' is not understood: use true or false."),
            },
        };
    }
}
