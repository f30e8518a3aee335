using System.Globalization;
using Microsoft.OpenApi;
using TicketApi.Contracts;
using TicketApi.Triage;

namespace TicketApi.Querying;

/// <summary>
/// The list query's parameters, defined once: the REST parser (what is allowed), the OpenAPI document (what
/// is described), the agent host's HTTP client (how a <see cref="TicketQuery"/> is written back into a query
/// string) and the agent's list/count tools (their arguments) all read this table, so a filter's name is
/// written in exactly one place. See docs/tools.md.
/// </summary>
public static class TicketQueryParameters
{
    /// <summary>What a parameter's value is; the tools' argument schema and the OpenAPI schema follow from it.</summary>
    public enum ValueKind { WholeNumber, Text, DateTime, Status, WholeNumberList, StatusList, Label, LabelList, YesNo }

    /// <param name="IsFilter">False for the parameters that shape the page (page, page_size, ordering) rather than choose tickets.</param>
    /// <param name="Write">The value as the parser reads it back, or null when the query leaves it at its default.</param>
    /// <param name="Field">For <see cref="ValueKind.Label"/> and <see cref="ValueKind.LabelList"/>: whose labels the values are.</param>
    public sealed record Parameter(string Name, ValueKind Kind, string Description, bool IsFilter, Func<TicketQuery, string?> Write, TriageField? Field = null)
    {
        public JsonSchemaType Type => Kind == ValueKind.WholeNumber ? JsonSchemaType.Integer : JsonSchemaType.String;

        public string? Format => Kind == ValueKind.DateTime ? "date-time" : null;

        public string[]? Enum => Kind switch
        {
            ValueKind.Status => [.. TicketStatuses.All.Select(TicketStatuses.ToWire)],
            ValueKind.Label => [.. Labels!],
            _ => null,
        };

        /// <summary>The allowed values of a label parameter (single or list), else null.</summary>
        public IReadOnlyList<string>? Labels => Field is { } labelled ? TriageLabels.Of(labelled) : null;
    }

    /// <summary>The parameter names as constants, for switches and for code that builds tool arguments (the planner).</summary>
    public static class Keys
    {
        public const string Page = "page";
        public const string PageSize = "page_size";
        public const string Ordering = "ordering";
        public const string Search = "search";
        public const string Id = "id";
        public const string IdIn = "id__in";
        public const string TitleContains = "title__icontains";
        public const string DescriptionContains = "description__icontains";
        public const string CreatedFrom = "created__gte";
        public const string CreatedTo = "created__lte";
        public const string UpdatedFrom = "updated__gte";
        public const string UpdatedTo = "updated__lte";
        public const string Status = "resolution_status";
        public const string StatusIn = "resolution_status__in";
        public const string Priority = "priority";
        public const string PriorityIn = "priority__in";
        public const string Category = "category";
        public const string CategoryIn = "category__in";
        public const string Sentiment = "sentiment";
        public const string SentimentIn = "sentiment__in";
        public const string RequesterEmail = "requester_email";
        public const string Assignee = "assignee";
    }

    // Declared before Ordering, whose description lists them (static initializers run in text order).
    /// <summary>The fields <c>ordering</c> takes; priority orders by rank (LOW &lt; NORMAL &lt; HIGH &lt; URGENT).</summary>
    public static IReadOnlyList<string> OrderFields { get; } = ["created", "updated", "title", "id", "resolution_status", "priority", "category"];

    public static Parameter Page { get; } = new(Keys.Page, ValueKind.WholeNumber, "Page number, 1-based. Default 1.", false,
        q => q.Page == 1 ? null : Number(q.Page));
    public static Parameter PageSize { get; } = new(Keys.PageSize, ValueKind.WholeNumber,
        $"Results per page, 1-{TicketQuery.MaxPageSize}. Default {TicketQuery.DefaultPageSize}; larger values are capped at {TicketQuery.MaxPageSize}.", false,
        q => q.PageSize == TicketQuery.DefaultPageSize ? null : Number(q.PageSize));
    public static Parameter Ordering { get; } = new(Keys.Ordering, ValueKind.Text,
        $"Comma-separated fields to order by: {string.Join(", ", OrderFields)}; prefix '-' for descending (-priority puts URGENT first). Default -created,-id.", false,
        q => q.Ordering.SequenceEqual(TicketQuery.DefaultOrdering) ? null : string.Join(',', q.Ordering.Select(k => (k.Descending ? "-" : "") + k.Field)));
    public static Parameter Search { get; } = new(Keys.Search, ValueKind.Text,
        "Words that must all appear in the title or description (whole words or word prefixes, case- and accent-insensitive).", true,
        // A search with no words matches nothing; "-" holds no words, so it is read back as exactly that.
        q => q.SearchWords is { } words ? (words.Count == 0 ? "-" : string.Join(' ', words)) : null);
    public static Parameter Id { get; } = new(Keys.Id, ValueKind.WholeNumber, "Exact ticket id.", true, q => q.Id is { } id ? Number(id) : null);
    public static Parameter IdIn { get; } = new(Keys.IdIn, ValueKind.WholeNumberList, "Ticket ids, comma-separated in a query string, e.g. 1,2,3.", true,
        q => q.IdIn is { } ids ? string.Join(',', ids.Select(Number)) : null);
    public static Parameter TitleContains { get; } = new(Keys.TitleContains, ValueKind.Text, "Case-insensitive substring of the title.", true,
        q => q.TitleContains);
    public static Parameter DescriptionContains { get; } = new(Keys.DescriptionContains, ValueKind.Text, "Case-insensitive substring of the description.", true,
        q => q.DescriptionContains);
    public static Parameter CreatedFrom { get; } = new(Keys.CreatedFrom, ValueKind.DateTime,
        "Created at or after this ISO-8601 date or date-time (UTC unless an offset is given).", true, q => Timestamp(q.CreatedFrom));
    public static Parameter CreatedTo { get; } = new(Keys.CreatedTo, ValueKind.DateTime,
        "Created at or before this ISO-8601 date-time; a bare date includes that whole day.", true, q => Timestamp(q.CreatedTo));
    public static Parameter UpdatedFrom { get; } = new(Keys.UpdatedFrom, ValueKind.DateTime,
        "Updated at or after this ISO-8601 date or date-time.", true, q => Timestamp(q.UpdatedFrom));
    public static Parameter UpdatedTo { get; } = new(Keys.UpdatedTo, ValueKind.DateTime,
        "Updated at or before this ISO-8601 date-time; a bare date includes that whole day.", true, q => Timestamp(q.UpdatedTo));
    public static Parameter Status { get; } = new(Keys.Status, ValueKind.Status, "Exact status.", true,
        q => q.Status is { } s ? TicketStatuses.ToWire(s) : null);
    public static Parameter StatusIn { get; } = new(Keys.StatusIn, ValueKind.StatusList, "Statuses, comma-separated in a query string, e.g. OPEN,RESOLVED.", true,
        q => q.StatusIn is { } statuses ? string.Join(',', statuses.Select(TicketStatuses.ToWire)) : null);

    public static Parameter Priority { get; } = Label(Keys.Priority, TriageField.Priority, "Exact priority.", q => q.Priority);
    public static Parameter PriorityIn { get; } = Labels(Keys.PriorityIn, TriageField.Priority, q => q.PriorityIn);
    public static Parameter Category { get; } = Label(Keys.Category, TriageField.Category, "Exact category.", q => q.Category);
    public static Parameter CategoryIn { get; } = Labels(Keys.CategoryIn, TriageField.Category, q => q.CategoryIn);
    public static Parameter Sentiment { get; } = Label(Keys.Sentiment, TriageField.Sentiment, "Exact sentiment (the requester's tone).", q => q.Sentiment);
    public static Parameter SentimentIn { get; } = Labels(Keys.SentimentIn, TriageField.Sentiment, q => q.SentimentIn);
    public static Parameter RequesterEmail { get; } = new(Keys.RequesterEmail, ValueKind.Text,
        "The requester's email address, exact but case-insensitive.", true, q => q.RequesterEmail);

    public static Parameter Assignee { get; } = new(Keys.Assignee, ValueKind.Text,
        "Who the ticket is assigned to: 'me' (the person asking), 'none' (unassigned) or a person's id.", true, q => q.Assignee);

    public static IReadOnlyList<Parameter> All { get; } =
    [
        Page, PageSize, Ordering, Search, Id, IdIn, TitleContains, DescriptionContains, CreatedFrom, CreatedTo, UpdatedFrom, UpdatedTo, Status, StatusIn,
        Priority, PriorityIn, Category, CategoryIn, Sentiment, SentimentIn, RequesterEmail, Assignee,
    ];


    /// <summary>The parameters that choose tickets: what a count takes.</summary>
    public static IReadOnlyList<Parameter> Filters { get; } = All.Where(p => p.IsFilter).ToList();

    public static IReadOnlySet<string> Names { get; } = All.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

    public static string NameList { get; } = string.Join(", ", All.Select(p => p.Name));

    /// <summary>The query's non-default parameters, in table order, as the parser reads them back.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Write(TicketQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        foreach (var parameter in All)
        {
            if (parameter.Write(query) is { } value)
            {
                yield return new(parameter.Name, value);
            }
        }
    }

    /// <summary>The query string without the leading '?', empty for the default query.</summary>
    public static string ToQueryString(TicketQuery query) =>
        string.Join('&', Write(query).Select(p => p.Key + "=" + Uri.EscapeDataString(p.Value)));

    private static Parameter Label(string name, TriageField field, string description, Func<TicketQuery, string?> write) =>
        new(name, ValueKind.Label, description, true, write, field);

    private static Parameter Labels(string name, TriageField field, Func<TicketQuery, IReadOnlyList<string>?> read) =>
        new(name, ValueKind.LabelList, $"Any of these, comma-separated in a query string, e.g. {string.Join(',', TriageLabels.Of(field).Take(2))}.", true,
            q => read(q) is { } values ? string.Join(',', values) : null, field);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? Timestamp(DateTime? value) =>
        value?.ToString(UtcTimestampJsonConverter.Format, CultureInfo.InvariantCulture);
}
