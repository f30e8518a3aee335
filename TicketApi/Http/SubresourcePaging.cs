using TicketApi.Querying;

namespace TicketApi.Http;

/// <summary>
/// The query of a ticket's paged sub-resources (its thread, its draft history): page and page_size only.
/// </summary>
public static class SubresourcePaging
{
    private static readonly string[] Parameters = [TicketQueryParameters.Keys.Page, TicketQueryParameters.Keys.PageSize];

    /// <summary>
    /// page and page_size through the ticket list's own parser (its words for a bad value, its cap on the page
    /// size); any other parameter, or one given twice, is refused as the list refuses it.
    /// </summary>
    public static (int Page, int PageSize, Dictionary<string, string[]>? Errors) Parse(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (name, values) in query)
        {
            if (!Parameters.Contains(name, StringComparer.Ordinal))
            {
                errors[name] = [$"Unknown query parameter. Allowed parameters are: {string.Join(", ", Parameters)}."];
            }
            else if (values.Count > 1)
            {
                errors[name] = ["Given more than once; give it once."];
            }
        }
        if (errors.Count > 0)
        {
            return (0, 0, errors);
        }
        var parsed = TicketQueryParser.Parse(query.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value.ToString())));
        return parsed.Query is { } paging ? (paging.Page, paging.PageSize, null) : (0, 0, parsed.Errors);
    }
}
