using System.Globalization;
using TicketApi.Contracts;
using TicketApi.Triage;

namespace TicketApi.KnowledgeBase.Http;

/// <summary>
/// Turns an article list request's query string into an <see cref="ArticleQuery"/>, or into errors naming
/// each bad parameter and what it allows (docs/knowledge-base.md, "Lists"). Empty values count as absent,
/// as for tickets.
/// </summary>
public static class ArticleQueryParser
{
    public const int MaxSearchLength = 500;

    public const string Page = "page";
    public const string PageSize = "page_size";
    public const string Search = "search";
    public const string Category = "category";
    public const string CategoryIn = "category__in";
    public const string Ordering = "ordering";

    public static IReadOnlyList<string> Names { get; } = [Page, PageSize, Search, Category, CategoryIn, Ordering];

    public static IReadOnlyList<string> OrderFields { get; } = ["title", "created", "updated", "id"];

    public sealed record Result(ArticleQuery? Query, Dictionary<string, string[]> Errors);

    public static Result Parse(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var result = new ArticleQuery();
        foreach (var (name, values) in query)
        {
            if (!Names.Contains(name))
            {
                errors[name] = [$"Unknown query parameter. Allowed parameters are: {string.Join(", ", Names)}."];
                continue;
            }
            if (values.Count > 1)
            {
                errors[name] = ["Given more than once; give it once (lists are comma-separated, as in category__in=EMAIL,NETWORK)."];
                continue;
            }
            var value = values.ToString().Trim();
            if (value.Length > 0 && Apply(ref result, name, value) is { } error)
            {
                errors[name] = [error];
            }
        }
        return new Result(errors.Count == 0 ? result : null, errors);
    }

    private static string? Apply(ref ArticleQuery query, string name, string value)
    {
        switch (name)
        {
            case Page:
                if (!TryPositive(value, out var page)) return $"'{Clip(value)}' is not a page number: use a whole number from 1.";
                query = query with { Page = page };
                return null;
            case PageSize:
                if (!TryPositive(value, out var size)) return $"'{Clip(value)}' is not a page size: use a whole number from 1 to {ArticleQuery.MaxPageSize}.";
                query = query with { PageSize = Math.Min(size, ArticleQuery.MaxPageSize) };
                return null;
            case Search:
                if (value.Length > MaxSearchLength) return $"Search text is limited to {MaxSearchLength} characters.";
                query = query with { Search = SearchTerms.From(value) };
                return null;
            case Category:
                if (!TicketLabels.IsValid(TriageField.Category, value)) return CategoryError(value);
                query = query with { Categories = [value] };
                return null;
            case CategoryIn:
                var categories = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                if (categories.FirstOrDefault(c => !TicketLabels.IsValid(TriageField.Category, c)) is { } bad) return CategoryError(bad);
                query = query with { Categories = [.. categories.Distinct(StringComparer.Ordinal)] };
                return null;
            default:
                var keys = new List<(string, bool)>();
                foreach (var part in value.Split(',', StringSplitOptions.TrimEntries))
                {
                    var descending = part.StartsWith('-');
                    var field = descending ? part[1..] : part;
                    if (!OrderFields.Contains(field))
                    {
                        return $"Cannot order by '{Clip(part)}'. Allowed fields are: {string.Join(", ", OrderFields)} (prefix - for descending).";
                    }
                    keys.Add((field, descending));
                }
                query = query with { Ordering = keys };
                return null;
        }
    }

    private static string CategoryError(string value) =>
        $"Invalid category '{Clip(value)}'. Allowed values are: {TicketLabels.AllowedList(TriageField.Category)}.";

    private static bool TryPositive(string value, out int number) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number >= 1;

    private static string Clip(string value) => value.Length <= 50 ? value : value[..50] + "...";
}
