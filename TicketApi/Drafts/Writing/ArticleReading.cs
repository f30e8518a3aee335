namespace TicketApi.Drafts.Writing;

/// <summary>What <see cref="ArticleModel"/> makes of one ticket (docs/drafts.md, "Fit").</summary>
/// <param name="Posterior">Each class's probability (they sum to 1), by slug; <see cref="ArticleModel.NoArticle"/> is "no article fits".</param>
/// <param name="Explanation">
/// For each article the model knows, the mean log-likelihood ratio of its class against the "no article fits" class over
/// the ticket's known features (nats per feature): how much of the ticket the article accounts for, beyond what the
/// tickets no article answers account for. Empty when the model learnt no such tickets.
/// </param>
/// <param name="Lead">How far (nats) the likeliest article's class leads the next article's.</param>
public sealed record ArticleReading(IReadOnlyDictionary<string, double> Posterior, IReadOnlyDictionary<string, double> Explanation, double Lead)
{
    /// <summary>A reading that only ranks (no "no article fits" class to measure against): the search alone decides whether any article fits.</summary>
    public static ArticleReading RankingOnly(IReadOnlyDictionary<string, double> posterior) =>
        new(posterior, new Dictionary<string, double>(StringComparer.Ordinal), 0);
}
