using System.ComponentModel;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using TicketApi.Data;

namespace TicketApi.Ratings;

/// <summary>Ratings of one category.</summary>
public sealed record CategoryRatings(
    [property: JsonPropertyName("count")] long Count,
    [property: JsonPropertyName("average")] double Average);

/// <summary>What <c>GET /api/ratings/summary</c> answers: every rating given, counted and averaged (docs/accounts.md, "Satisfaction").</summary>
public sealed record RatingSummary(
    [property: Description("Ratings given.")]
    [property: JsonPropertyName("count")] long Count,
    [property: Description("Mean score, 1-5, to two decimals; null while there are none.")]
    [property: JsonPropertyName("average")] double? Average,
    [property: Description("How many of each score, \"1\" to \"5\" (all five present).")]
    [property: JsonPropertyName("by_score")] IReadOnlyDictionary<string, long> ByScore,
    [property: Description("Count and mean score per ticket category (categories with ratings only).")]
    [property: JsonPropertyName("by_category")] IReadOnlyDictionary<string, CategoryRatings> ByCategory)
{
    /// <summary>One grouped query over the rated rows (ix_tickets_rated), folded here.</summary>
    public static async Task<RatingSummary> ReadAsync(TicketDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var groups = await db.Tickets
            .Where(t => t.RatingScore != null)
            .GroupBy(t => new { t.Category, Score = t.RatingScore!.Value })
            .Select(g => new { g.Key.Category, g.Key.Score, Count = g.LongCount() })
            .ToListAsync(cancellationToken);
        var count = groups.Sum(g => g.Count);
        var byScore = Enumerable.Range(RatingRules.MinScore, RatingRules.MaxScore)
            .ToDictionary(score => score.ToString(System.Globalization.CultureInfo.InvariantCulture),
                score => groups.Where(g => g.Score == score).Sum(g => g.Count));
        var byCategory = groups.GroupBy(g => g.Category).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new CategoryRatings(g.Sum(x => x.Count), Mean(g.Sum(x => x.Score * x.Count), g.Sum(x => x.Count))));
        return new RatingSummary(count, count == 0 ? null : Mean(groups.Sum(g => g.Score * g.Count), count), byScore, byCategory);
    }

    private static double Mean(long total, long count) => Math.Round((double)total / count, 2, MidpointRounding.AwayFromZero);
}
