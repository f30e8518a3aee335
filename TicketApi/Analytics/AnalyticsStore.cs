using Microsoft.EntityFrameworkCore;
using TicketApi.Contracts;
using TicketApi.Data;
using TicketApi.Triage;
using static TicketApi.Analytics.AnalyticsFigures;

namespace TicketApi.Analytics;

/// <summary>One counter summed over its slots, as the read query returns it.</summary>
public sealed record CounterRow(string Figure, int Day, string Key, long N);

/// <summary>
/// Reads the figures of a period from the counters (docs/analytics.md): two index range scans over
/// <c>analytics_counts</c>, whose size depends on the period and the label counts, not on how many tickets exist.
/// </summary>
public sealed class AnalyticsStore(TicketDbContext db)
{
    private static readonly string PeriodFigures = string.Join(", ",
        new[] { Created, Channel, Sentiment, FirstResponse, Resolution, Rating, Resolved, SelfService }.Select(f => $"'{f}'"));

    private static readonly string NowFigures = string.Join(", ", StateFigures.Select(f => $"'{f}'"));

    /// <summary>The state figures on day 0, then the period figures of days {0}..{1}, each summed over its slots.</summary>
    private static readonly string Query =
        $$"""
        SELECT figure AS "Figure", day AS "Day", key AS "Key", CAST(SUM(n) AS bigint) AS "N" FROM analytics_counts
        WHERE figure IN ({{NowFigures}}) AND day = 0 GROUP BY figure, day, key
        UNION ALL
        SELECT figure, day, key, CAST(SUM(n) AS bigint) FROM analytics_counts
        WHERE figure IN ({{PeriodFigures}}) AND day BETWEEN {0} AND {1} GROUP BY figure, day, key
        """;

    public async Task<AnalyticsReport> ReadAsync(AnalyticsPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        var rows = await db.Database.SqlQueryRaw<CounterRow>(Query, DayOf(period.From), DayOf(period.To)).ToListAsync(cancellationToken);
        return Compose(period, rows);
    }

    /// <summary>The document from the summed counters: every known label present, zeros included.</summary>
    public static AnalyticsReport Compose(AnalyticsPeriod period, IReadOnlyList<CounterRow> rows)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(rows);
        var figures = rows.ToLookup(r => r.Figure);
        Dictionary<string, long> Sum(string figure, IEnumerable<string> labels)
        {
            var sums = labels.ToDictionary(l => l, _ => 0L);
            foreach (var row in figures[figure])
            {
                sums[row.Key] = sums.GetValueOrDefault(row.Key) + row.N;
            }
            return sums;
        }
        long PerDay(string figure, int day) => figures[figure].Where(r => r.Day == day).Sum(r => r.N);

        var days = new List<AnalyticsDay>(period.Days);
        for (var date = period.From; date <= period.To; date = date.AddDays(1))
        {
            var day = DayOf(date);
            var sentiment = TriageLabels.Sentiments.ToDictionary(s => s, _ => 0L);
            foreach (var row in figures[Sentiment].Where(r => r.Day == day))
            {
                sentiment[row.Key] = sentiment.GetValueOrDefault(row.Key) + row.N;
            }
            days.Add(new AnalyticsDay(date, PerDay(Created, day), PerDay(Resolved, day), PerDay(SelfService, day), sentiment));
        }
        var ratings = Sum(Rating, ["1", "2", "3", "4", "5"]);
        var rated = ratings.Values.Sum();
        var scoreTotal = ratings.Sum(r => long.Parse(r.Key, System.Globalization.CultureInfo.InvariantCulture) * r.Value);
        return new AnalyticsReport(
            period.From, period.To,
            new AnalyticsTotals(figures[Created].Sum(r => r.N), figures[Resolved].Sum(r => r.N), figures[SelfService].Sum(r => r.N)),
            days,
            new AnalyticsBacklog(
                Sum(Status, TicketStatuses.All.Select(TicketStatuses.ToWire)),
                Sum(OpenCategory, TriageLabels.Categories),
                Sum(OpenPriority, TriageLabels.Priorities)),
            Sum(Channel, TicketMessageChannels.All), // freshdesk is one of them since the connector widened the channels
            Sum(Sentiment, TriageLabels.Sentiments),
            Duration(figures[FirstResponse]),
            Duration(figures[Resolution]),
            new AnalyticsCsat(rated, rated == 0 ? null : Math.Round((double)scoreTotal / rated, 2), ratings));
    }

    private static AnalyticsDuration Duration(IEnumerable<CounterRow> rows)
    {
        var buckets = new Dictionary<int, long>();
        foreach (var row in rows)
        {
            var bucket = int.Parse(row.Key, System.Globalization.CultureInfo.InvariantCulture);
            buckets[bucket] = buckets.GetValueOrDefault(bucket) + row.N;
        }
        return new AnalyticsDuration(buckets.Values.Sum(), DurationBuckets.MedianSeconds(buckets));
    }
}
