using System.Globalization;
using System.Text.RegularExpressions;
using TicketApi.Contracts;
using TicketApi.Triage;

namespace TicketApi.Querying;

/// <summary>
/// Turns a list request's query string into a <see cref="TicketQuery"/>, or into errors that name each
/// bad parameter and what it allows. Empty values count as absent, as in django-filter.
/// </summary>
public static partial class TicketQueryParser
{
    public const int MaxListItems = 1000;
    public const int MaxSearchLength = 500;
    public const int MaxSearchWords = 20;

    private static IReadOnlyList<string> OrderFields => TicketQueryParameters.OrderFields;

    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mmK",
    ];

    public sealed record Result(TicketQuery? Query, Dictionary<string, string[]> Errors);

    public static Result Parse(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var repeated = query.Where(p => p.Value.Count > 1).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var result = Parse(query.Where(p => !repeated.Contains(p.Key)).Select(p => new KeyValuePair<string, string?>(p.Key, p.Value.ToString())));
        foreach (var name in repeated.Where(TicketQueryParameters.Names.Contains))
        {
            result.Errors[name] = ["Given more than once; give it once (lists are comma-separated, as in id__in=1,2)."];
        }
        return repeated.Count == 0 ? result : new Result(null, result.Errors);
    }

    /// <summary>
    /// Name/value pairs (a query string's, or a tool's arguments written as their query-string values) to a
    /// query: the one parser behind the REST list and the agent's list and count tools.
    /// </summary>
    public static Result Parse(IEnumerable<KeyValuePair<string, string?>> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var result = new TicketQuery();

        foreach (var (name, value) in parameters)
        {
            if (!TicketQueryParameters.Names.Contains(name))
            {
                errors[name] = [$"Unknown query parameter. Allowed parameters are: {TicketQueryParameters.NameList}."];
                continue;
            }
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }
            var error = Apply(ref result, name, value.Trim());
            if (error is not null)
            {
                errors[name] = [error];
            }
        }
        return new Result(errors.Count == 0 ? result : null, errors);
    }

    private static string? Apply(ref TicketQuery query, string name, string value)
    {
        switch (name)
        {
            case TicketQueryParameters.Keys.Page:
                if (!TryPositiveInt(value, out var page)) return $"'{Clip(value)}' is not a page number: use a whole number from 1.";
                query = query with { Page = page };
                return null;
            case TicketQueryParameters.Keys.PageSize:
                if (!TryPositiveInt(value, out var size)) return $"'{Clip(value)}' is not a page size: use a whole number from 1 to {TicketQuery.MaxPageSize}.";
                query = query with { PageSize = Math.Min(size, TicketQuery.MaxPageSize) };
                return null;
            case TicketQueryParameters.Keys.Ordering:
                return ParseOrdering(value, out var ordering) ?? Set(ref query, query with { Ordering = ordering });
            case TicketQueryParameters.Keys.Search:
                if (value.Length > MaxSearchLength) return $"Search text is limited to {MaxSearchLength} characters.";
                var words = Words(value);
                if (words.Count > MaxSearchWords) return $"Search is limited to {MaxSearchWords} words.";
                query = query with { SearchWords = words };
                return null;
            case TicketQueryParameters.Keys.Id:
                if (!TryId(value, out var id)) return $"'{Clip(value)}' is not a ticket id: use a whole number.";
                query = query with { Id = id };
                return null;
            case TicketQueryParameters.Keys.IdIn:
                return ParseList<long>(value, "ticket id", "a comma-separated list of whole numbers, e.g. 1,2,3",
                    TryId, out var ids) ?? Set(ref query, query with { IdIn = ids });
            case TicketQueryParameters.Keys.TitleContains:
                query = query with { TitleContains = value };
                return null;
            case TicketQueryParameters.Keys.DescriptionContains:
                query = query with { DescriptionContains = value };
                return null;
            case TicketQueryParameters.Keys.CreatedFrom:
                return ParseDate(value, endOfDay: false, out var createdFrom) ?? Set(ref query, query with { CreatedFrom = createdFrom });
            case TicketQueryParameters.Keys.CreatedTo:
                return ParseDate(value, endOfDay: true, out var createdTo) ?? Set(ref query, query with { CreatedTo = createdTo });
            case TicketQueryParameters.Keys.UpdatedFrom:
                return ParseDate(value, endOfDay: false, out var updatedFrom) ?? Set(ref query, query with { UpdatedFrom = updatedFrom });
            case TicketQueryParameters.Keys.UpdatedTo:
                return ParseDate(value, endOfDay: true, out var updatedTo) ?? Set(ref query, query with { UpdatedTo = updatedTo });
            case TicketQueryParameters.Keys.Status:
                if (!TicketStatuses.TryParse(value, out var status)) return $"Invalid status '{Clip(value)}'. Allowed values are: {TicketStatuses.AllowedList}.";
                query = query with { Status = status };
                return null;
            case TicketQueryParameters.Keys.StatusIn:
                return ParseList<TicketApi.Contracts.TicketStatus>(value, "status", $"a comma-separated list of {TicketStatuses.AllowedList}",
                    TicketStatuses.TryParse, out var statuses) ?? Set(ref query, query with { StatusIn = statuses });
            case TicketQueryParameters.Keys.Priority:
                return ParseLabel(TriageField.Priority, value, out var priority) ?? Set(ref query, query with { Priority = priority });
            case TicketQueryParameters.Keys.PriorityIn:
                return ParseLabels(TriageField.Priority, value, out var priorities) ?? Set(ref query, query with { PriorityIn = priorities });
            case TicketQueryParameters.Keys.Category:
                return ParseLabel(TriageField.Category, value, out var category) ?? Set(ref query, query with { Category = category });
            case TicketQueryParameters.Keys.CategoryIn:
                return ParseLabels(TriageField.Category, value, out var categories) ?? Set(ref query, query with { CategoryIn = categories });
            case TicketQueryParameters.Keys.Sentiment:
                return ParseLabel(TriageField.Sentiment, value, out var sentiment) ?? Set(ref query, query with { Sentiment = sentiment });
            case TicketQueryParameters.Keys.SentimentIn:
                return ParseLabels(TriageField.Sentiment, value, out var sentiments) ?? Set(ref query, query with { SentimentIn = sentiments });
            case TicketQueryParameters.Keys.RequesterEmail:
                query = query with { RequesterEmail = value };
                return null;
            case TicketQueryParameters.Keys.Assignee:
                return AssigneeFilter.Parse(value, out var assignee) ?? Set(ref query, query with { Assignee = assignee });
            default:
                return "Unknown query parameter.";
        }
    }

    /// <summary>Exact wire names, as for statuses: "Invalid priority 'NOW'. Allowed values are: LOW, NORMAL, HIGH, URGENT."</summary>
    private static string? ParseLabel(TriageField field, string value, out string label)
    {
        label = value;
        return TicketLabels.IsValid(field, value) ? null
            : $"Invalid {field.ToString().ToLowerInvariant()} '{Clip(value)}'. Allowed values are: {TicketLabels.AllowedList(field)}.";
    }

    private static string? ParseLabels(TriageField field, string value, out IReadOnlyList<string> labels) =>
        ParseList(value, field.ToString().ToLowerInvariant(), $"a comma-separated list of {TicketLabels.AllowedList(field)}",
            (string item, out string parsed) => { parsed = item; return TicketLabels.IsValid(field, item); }, out labels);

    private static string? Set(ref TicketQuery query, TicketQuery updated)
    {
        query = updated;
        return null;
    }

    private delegate bool TryParseItem<T>(string item, out T value);

    private static string? ParseList<T>(string value, string itemName, string allowed, TryParseItem<T> tryParse, out IReadOnlyList<T> items)
    {
        var parts = value.Split(',', StringSplitOptions.TrimEntries);
        var parsed = new List<T>(parts.Length);
        items = parsed;
        if (parts.Length > MaxListItems)
        {
            return $"At most {MaxListItems} items are allowed.";
        }
        foreach (var part in parts)
        {
            if (!tryParse(part, out var item))
            {
                return $"'{Clip(part)}' is not a valid {itemName}: use {allowed}.";
            }
            parsed.Add(item);
        }
        return null;
    }

    private static string? ParseOrdering(string value, out IReadOnlyList<OrderKey> ordering)
    {
        var keys = new List<OrderKey>();
        ordering = keys;
        foreach (var part in value.Split(',', StringSplitOptions.TrimEntries))
        {
            var descending = part.StartsWith('-');
            var field = descending ? part[1..] : part;
            if (!OrderFields.Contains(field))
            {
                return $"Cannot order by '{Clip(part)}'. Allowed fields are: {string.Join(", ", OrderFields)} (prefix '-' for descending).";
            }
            if (keys.All(k => k.Field != field))
            {
                keys.Add(new OrderKey(field, descending));
            }
        }
        if (keys.All(k => k.Field != "id"))
        {
            // A unique last key keeps pages stable when other values tie; it follows the first key's direction.
            keys.Add(new OrderKey("id", keys[0].Descending));
        }
        return null;
    }

    private static string? ParseDate(string value, bool endOfDay, out DateTime parsed)
    {
        const DateTimeStyles styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        var dateTimeError = $"'{Clip(value)}' is not an ISO-8601 date or date-time, e.g. 2025-01-31 or 2025-01-31T14:15:22Z.";
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var start = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            // Stored times have microsecond precision, so the last microsecond of the day is inclusive.
            parsed = endOfDay ? start.AddDays(1).AddTicks(-10) : start;
            return null;
        }
        // An unencoded '+' in a query string arrives as a space: "T10:00:00 02:00" meant "+02:00".
        if (DateTimeOffset.TryParseExact(value, DateTimeFormats, CultureInfo.InvariantCulture, styles, out var instant) ||
            DateTimeOffset.TryParseExact(SpacedOffset().Replace(value, "$1+$2"), DateTimeFormats, CultureInfo.InvariantCulture, styles, out instant))
        {
            parsed = instant.UtcDateTime;
            return null;
        }
        parsed = default;
        return dateTimeError;
    }

    /// <summary>Words as SQLite's unicode61 tokenizer sees them: runs of letters, digits and combining marks.</summary>
    internal static IReadOnlyList<string> Words(string text) =>
        WordPattern().Matches(text).Select(m => m.Value).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private static bool TryPositiveInt(string value, out int number) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number >= 1;

    private static bool TryId(string value, out long id) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out id);

    private static string Clip(string value) => value.Length <= 50 ? value : value[..50] + "...";

    [GeneratedRegex(@"[\p{L}\p{N}\p{M}\p{Co}]+")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?) (\d{2}(?::?\d{2})?)$")]
    private static partial Regex SpacedOffset();
}
