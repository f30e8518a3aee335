using System.Globalization;

namespace TicketApi.Http;

/// <summary>
/// The query-string rules the small admin lists share (people, the outbox): only the named parameters, each at
/// most once, an empty value counts as absent (as for tickets), and <c>page</c>/<c>page_size</c> mean the same
/// everywhere. Each list reads its own filters through <c>readFilter</c>.
/// </summary>
public static class SmallListQuery
{
    public const string PageName = "page";
    public const string PageSizeName = "page_size";
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>
    /// Reads every parameter: page and page_size through <paramref name="setPage"/>/<paramref name="setPageSize"/>,
    /// the rest through <paramref name="readFilter"/> (name, trimmed value) -> an error, or null when taken.
    /// Returns each bad parameter with what it allows; empty when all were good.
    /// </summary>
    public static Dictionary<string, string[]> Read(IQueryCollection query, IReadOnlyList<string> names,
        Action<int> setPage, Action<int> setPageSize, Func<string, string, string?> readFilter)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(setPage);
        ArgumentNullException.ThrowIfNull(setPageSize);
        ArgumentNullException.ThrowIfNull(readFilter);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (name, values) in query)
        {
            var value = values.ToString().Trim();
            var error = !names.Contains(name) ? $"Unknown query parameter. Allowed parameters are: {string.Join(", ", names)}."
                : values.Count > 1 ? "Given more than once; give it once."
                : value.Length == 0 ? null
                : name switch
                {
                    PageName => Positive(value) is { } page ? Taken(setPage, (int)Math.Min(page, int.MaxValue))
                        : $"'{Clip(value)}' is not a page number: use a whole number from 1.",
                    PageSizeName => Positive(value) is { } size ? Taken(setPageSize, (int)Math.Min(size, MaxPageSize))
                        : $"'{Clip(value)}' is not a page size: use a whole number from 1 to {MaxPageSize}.",
                    _ => readFilter(name, value),
                };
            if (error is not null)
            {
                errors[name] = [error];
            }
        }
        return errors;
    }

    /// <summary>A whole number from 1, or null.</summary>
    public static long? Positive(string value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 ? number : null;

    /// <summary>A value quoted back in an error, cut short so a huge one does not flood the answer.</summary>
    public static string Clip(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length <= 50 ? value : value[..50] + "...";
    }

    private static string? Taken(Action<int> set, int value)
    {
        set(value);
        return null;
    }
}
