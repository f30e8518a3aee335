using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace TicketApi.Analytics;

/// <summary>
/// The period of <c>GET /api/analytics/</c> (docs/analytics.md, "Period"): <c>from</c> and <c>to</c> are UTC dates,
/// both inclusive; by default the last 30 days up to today. Errors name the parameter.
/// </summary>
public sealed record AnalyticsPeriod(DateOnly From, DateOnly To)
{
    public const string FromKey = "from";
    public const string ToKey = "to";
    public const int DefaultDays = 30;
    public const int MaxDays = 366;

    public int Days => To.DayNumber - From.DayNumber + 1;

    public static (AnalyticsPeriod? Period, Dictionary<string, string[]> Errors) Parse(IQueryCollection query, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = new Dictionary<string, string[]>();
        foreach (var key in query.Keys.Where(k => k is not FromKey and not ToKey))
        {
            errors[key] = [$"Unknown query parameter. Allowed parameters are: {FromKey}, {ToKey}."];
        }
        var to = Date(query, ToKey, errors) ?? today;
        var from = Date(query, FromKey, errors) ?? to.AddDays(-(DefaultDays - 1));
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        if (from > to)
        {
            errors[FromKey] = [$"'{FromKey}' ({Text(from)}) is after '{ToKey}' ({Text(to)})."];
        }
        else if (to.DayNumber - from.DayNumber + 1 > MaxDays)
        {
            errors[ToKey] = [$"The period is {to.DayNumber - from.DayNumber + 1} days; at most {MaxDays} are allowed."];
        }
        return errors.Count > 0 ? (null, errors) : (new AnalyticsPeriod(from, to), errors);
    }

    private static DateOnly? Date(IQueryCollection query, string key, Dictionary<string, string[]> errors)
    {
        if (!query.TryGetValue(key, out StringValues values))
        {
            return null;
        }
        if (values.Count != 1)
        {
            errors[key] = [$"'{key}' was given {values.Count} times; give it once."];
            return null;
        }
        if (!DateOnly.TryParseExact(values[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) || date.Year < 1970)
        {
            errors[key] = [$"'{values[0]}' is not a date; use YYYY-MM-DD (UTC), 1970 or later."];
            return null;
        }
        return date;
    }

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
