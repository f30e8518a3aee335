using System.Globalization;
using System.Text.RegularExpressions;

namespace AgentHost.Chat.Planner;

/// <summary>A date range from plain words; either end may be open. Values are UTC.</summary>
public sealed record DateRange(DateTimeOffset? From, DateTimeOffset? To);

/// <summary>
/// Reads the date expressions of ticket questions: "since yesterday", "this week", "after 2025-01-01",
/// "before 2025-02-01", "in the last 3 days", "last month", "since monday". Weeks start on Monday, days at
/// 00:00 UTC (the ticket service stores UTC).
/// </summary>
public static partial class PlannerDates
{
    public static DateRange? Parse(string text, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(text);
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        DateTimeOffset? from = null, to = null;

        foreach (Match m in Bounded().Matches(text))
        {
            if (Point(m.Groups["when"].Value, today) is not { } point)
            {
                continue;
            }

            var op = m.Groups["op"].Value;
            if (op is "before" or "until" or "till" or "up to" or "prior to")
            {
                to = point.Start;
            }
            else
            {
                from = point.Start;
                // "from last week" means during it; "since last week" means from its start on.
                if (op is "from" or "during" && point.End is { } end)
                {
                    to = end;
                }
            }
        }

        if (from is null && to is null)
        {
            var lastDays = LastDays().Match(text);
            if (lastDays.Success)
            {
                var n = int.Parse(lastDays.Groups["n"].Value, CultureInfo.InvariantCulture);
                var unit = lastDays.Groups["unit"].Value;
                var span = unit.StartsWith("week", StringComparison.Ordinal) ? TimeSpan.FromDays(7 * n)
                    : unit.StartsWith("hour", StringComparison.Ordinal) ? TimeSpan.FromHours(n)
                    : TimeSpan.FromDays(n);
                return new DateRange(now - span, null);
            }

            // A bare period: "today", "this week" run until now; "yesterday", "last week" are closed ranges.
            var bare = Bare().Match(text);
            if (bare.Success && Point(bare.Groups["when"].Value, today) is { } period)
            {
                return new DateRange(period.Start, period.End);
            }

            return null;
        }

        return new DateRange(from, to);
    }

    /// <summary>ISO-8601 UTC as the ticket tools take it.</summary>
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private sealed record Period(DateTimeOffset Start, DateTimeOffset? End);

    private static Period? Point(string when, DateTimeOffset today)
    {
        when = when.Trim();
        switch (when)
        {
            case "today":
                return new(today, null);
            case "yesterday":
                return new(today.AddDays(-1), today.AddTicks(-10));
            case "this week":
                return new(StartOfWeek(today), null);
            case "last week":
                return new(StartOfWeek(today).AddDays(-7), StartOfWeek(today).AddTicks(-10));
            case "this month":
                return new(new DateTimeOffset(today.Year, today.Month, 1, 0, 0, 0, TimeSpan.Zero), null);
            case "last month":
                var first = new DateTimeOffset(today.Year, today.Month, 1, 0, 0, 0, TimeSpan.Zero);
                return new(first.AddMonths(-1), first.AddTicks(-10));
            case "this year":
                return new(new DateTimeOffset(today.Year, 1, 1, 0, 0, 0, TimeSpan.Zero), null);
        }

        if (Enum.TryParse<DayOfWeek>(when, ignoreCase: true, out var day) && !int.TryParse(when, out _))
        {
            // "since monday": the most recent Monday before today.
            var back = ((int)today.DayOfWeek - (int)day + 7) % 7;
            return new(today.AddDays(back == 0 ? -7 : -back), null);
        }

        string[] formats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/MM/dd", "d MMMM yyyy", "d MMM yyyy", "MMMM d yyyy", "MMM d yyyy", "MMMM d, yyyy", "MMM d, yyyy"];
        if (DateTimeOffset.TryParseExact(when, formats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
            || DateTimeOffset.TryParse(when, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out date))
        {
            return new(date, null);
        }

        return null;
    }

    private static DateTimeOffset StartOfWeek(DateTimeOffset today) =>
        today.AddDays(-(((int)today.DayOfWeek + 6) % 7));

    private const string When =
        @"(?<when>today|yesterday|this week|last week|this month|last month|this year|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d{4}-\d{1,2}-\d{1,2}|\d{4}/\d{2}/\d{2}|\d{1,2} [a-z]+ \d{4}|[a-z]+ \d{1,2},? \d{4})";

    [GeneratedRegex(@"\b(?<op>since|after|from|during|starting|before|until|till|up to|prior to)\s+(?:the\s+)?" + When + @"\b")]
    private static partial Regex Bounded();

    [GeneratedRegex(@"\b(?:in|during|over|within)?\s*(?:the\s+)?(?:last|past)\s+(?<n>\d{1,4})\s+(?<unit>days?|weeks?|hours?)\b")]
    private static partial Regex LastDays();

    [GeneratedRegex(@"\b" + When + @"\b")]
    private static partial Regex Bare();
}
