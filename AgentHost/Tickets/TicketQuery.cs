using System.Globalization;
using System.Text;
using TicketApi.Contracts;

namespace AgentHost.Tickets;

/// <summary>The list filters of the REST contract, each named after its query parameter.</summary>
public sealed record TicketQuery
{
    public long? Id { get; init; }
    public IReadOnlyList<long>? IdIn { get; init; }
    public string? TitleContains { get; init; }
    public string? DescriptionContains { get; init; }
    public DateTimeOffset? CreatedFrom { get; init; }
    public DateTimeOffset? CreatedTo { get; init; }
    public DateTimeOffset? UpdatedFrom { get; init; }
    public DateTimeOffset? UpdatedTo { get; init; }
    public TicketStatus? Status { get; init; }
    public IReadOnlyList<TicketStatus>? StatusIn { get; init; }
    public string? Search { get; init; }
    public string? Ordering { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }

    /// <summary>The query string, without the leading <c>?</c>; empty when nothing is filtered.</summary>
    public string ToQueryString()
    {
        var parts = new List<KeyValuePair<string, string>>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parts.Add(new(name, value.Trim()));
            }
        }

        Add("id", Id?.ToString(CultureInfo.InvariantCulture));
        Add("id__in", IdIn is { Count: > 0 } ? string.Join(',', IdIn) : null);
        Add("title__icontains", TitleContains);
        Add("description__icontains", DescriptionContains);
        Add("created__gte", Timestamp(CreatedFrom));
        Add("created__lte", Timestamp(CreatedTo));
        Add("updated__gte", Timestamp(UpdatedFrom));
        Add("updated__lte", Timestamp(UpdatedTo));
        Add("resolution_status", Status is { } s ? TicketStatusNames.ToWire(s) : null);
        Add("resolution_status__in", StatusIn is { Count: > 0 } ? string.Join(',', StatusIn.Select(TicketStatusNames.ToWire)) : null);
        Add("search", Search);
        Add("ordering", Ordering);
        Add("page", Page?.ToString(CultureInfo.InvariantCulture));
        Add("page_size", PageSize?.ToString(CultureInfo.InvariantCulture));

        var builder = new StringBuilder();
        foreach (var (name, value) in parts)
        {
            builder.Append(builder.Length == 0 ? "" : "&").Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }

        return builder.ToString();
    }

    private static string? Timestamp(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString(UtcTimestampJsonConverter.Format, CultureInfo.InvariantCulture);
}
