using System.Globalization;

namespace TicketApi.Analytics;

/// <summary>
/// Histogram buckets for durations (docs/analytics.md, "Medians"): bucket 0 holds everything under a minute;
/// bucket b >= 1 holds [60 s * 2^((b-1)/4), 60 s * 2^(b/4)), four buckets per doubling. A median read from the
/// buckets is the geometric middle of its bucket, so it is within a factor of 2^(1/8) (about 9.05%) of the
/// true one; under a minute it is reported as 30 s (at most 30 s off).
/// </summary>
public static class DurationBuckets
{
    public const int PerDoubling = 4;

    /// <summary>The most a reported median can be off by, as a factor, above a minute.</summary>
    public static readonly double ErrorFactor = Math.Pow(2, 1.0 / (2 * PerDoubling));

    public static int Of(TimeSpan duration)
    {
        var seconds = duration.TotalSeconds;
        if (seconds < 60)
        {
            return 0; // under a minute, or a clock that ran backwards
        }
        return 1 + (int)Math.Floor(PerDoubling * Math.Log2(seconds / 60));
    }

    public static string KeyOf(TimeSpan duration) => Of(duration).ToString(CultureInfo.InvariantCulture);

    /// <summary>The value a bucket stands for: its geometric middle (30 s for bucket 0).</summary>
    public static double MiddleSeconds(int bucket) =>
        bucket <= 0 ? 30 : 60 * Math.Pow(2, (bucket - 0.5) / PerDoubling);

    /// <summary>The median (the lower middle element when the count is even) of a histogram, or null when it is empty.</summary>
    public static double? MedianSeconds(IReadOnlyDictionary<int, long> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var total = counts.Values.Sum();
        if (total <= 0)
        {
            return null;
        }
        var rank = (total + 1) / 2; // 1-based position of the (lower) middle element
        long seen = 0;
        foreach (var (bucket, count) in counts.OrderBy(c => c.Key))
        {
            seen += count;
            if (seen >= rank)
            {
                return MiddleSeconds(bucket);
            }
        }
        return null;
    }
}
