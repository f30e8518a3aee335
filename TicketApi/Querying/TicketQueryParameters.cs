using Microsoft.OpenApi;

namespace TicketApi.Querying;

/// <summary>
/// The list endpoint's query parameters: one table that both the parser (what is allowed) and the
/// OpenAPI document (what is described) read, so the two cannot drift apart.
/// </summary>
public static class TicketQueryParameters
{
    public sealed record Parameter(string Name, JsonSchemaType Type, string Description, string? Format = null, string[]? Enum = null);

    public static IReadOnlyList<Parameter> All { get; } =
    [
        new("page", JsonSchemaType.Integer, "Page number, 1-based. Default 1."),
        new("page_size", JsonSchemaType.Integer, $"Results per page, 1-{TicketQuery.MaxPageSize}. Default {TicketQuery.DefaultPageSize}; larger values are capped at {TicketQuery.MaxPageSize}."),
        new("ordering", JsonSchemaType.String, "Comma-separated fields to order by: created, updated, title, id, resolution_status; prefix '-' for descending. Default -created,-id."),
        new("search", JsonSchemaType.String, "Words that must all appear in the title or description (whole words or word prefixes, case- and accent-insensitive)."),
        new("id", JsonSchemaType.Integer, "Exact ticket id."),
        new("id__in", JsonSchemaType.String, "Comma-separated ticket ids, e.g. 1,2,3."),
        new("title__icontains", JsonSchemaType.String, "Case-insensitive substring of the title."),
        new("description__icontains", JsonSchemaType.String, "Case-insensitive substring of the description."),
        new("created__gte", JsonSchemaType.String, "Created at or after this ISO-8601 date or date-time (UTC unless an offset is given).", "date-time"),
        new("created__lte", JsonSchemaType.String, "Created at or before this ISO-8601 date-time; a bare date includes that whole day.", "date-time"),
        new("updated__gte", JsonSchemaType.String, "Updated at or after this ISO-8601 date or date-time.", "date-time"),
        new("updated__lte", JsonSchemaType.String, "Updated at or before this ISO-8601 date-time; a bare date includes that whole day.", "date-time"),
        new("resolution_status", JsonSchemaType.String, "Exact status.", Enum: ["OPEN", "RESOLVED", "CLOSED"]),
        new("resolution_status__in", JsonSchemaType.String, "Comma-separated statuses, e.g. OPEN,RESOLVED."),
    ];

    public static IReadOnlySet<string> Names { get; } = All.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

    public static string NameList { get; } = string.Join(", ", All.Select(p => p.Name));
}
