using Microsoft.AspNetCore.Http.Extensions;

namespace TicketApi.Http;

/// <summary>The absolute next/previous links of a page, keeping every other parameter as it was sent.</summary>
public static class PageLinks
{
    public static string? Next(HttpRequest request, int page, int pageSize, long count) =>
        (long)page * pageSize < count ? Link(request, page + 1) : null;

    /// <summary>As Django REST Framework does, the link to page 1 leaves the page parameter out.</summary>
    public static string? Previous(HttpRequest request, int page) =>
        page > 1 ? Link(request, page - 1) : null;

    private static string Link(HttpRequest request, int page)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        var pageWritten = false;
        foreach (var (name, values) in request.Query)
        {
            if (name == "page")
            {
                if (page > 1)
                {
                    pairs.Add(new(name, page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                }
                pageWritten = true;
                continue;
            }
            pairs.AddRange(values.Select(v => new KeyValuePair<string, string?>(name, v)));
        }
        if (!pageWritten && page > 1)
        {
            pairs.Insert(0, new("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        return UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path, QueryString.Create(pairs));
    }
}
