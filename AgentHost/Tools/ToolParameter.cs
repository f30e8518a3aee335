using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using TicketApi.Contracts;
using TicketApi.Querying;
using Kind = TicketApi.Querying.TicketQueryParameters.ValueKind;

namespace AgentHost.Tools;

/// <summary>
/// One argument of a ticket tool: its JSON schema, whether it is required, and how a JSON value becomes the
/// typed value the tool uses, or an error in the tool's own words (<c>id must be a whole number</c>), never a
/// .NET type name or a reader position. List and count filters come from <see cref="TicketQueryParameters"/>,
/// written as the query-string values the one parser reads (see docs/tools.md).
/// </summary>
/// <param name="Labels">The allowed values of a <see cref="Kind.Label"/> or <see cref="Kind.LabelList"/> argument (priority, category, sentiment, a message kind).</param>
public sealed record ToolParameter(string Name, Kind Kind, string Description, bool Required = false, IReadOnlyList<string>? Labels = null)
{
    private static readonly string StatusNames = TicketStatuses.AllowedList;

    /// <summary>The tool argument for a list filter, from the one query definition.</summary>
    public static ToolParameter From(TicketQueryParameters.Parameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return new(parameter.Name, parameter.Kind, parameter.Kind switch
        {
            Kind.WholeNumberList => "Ticket ids, as a list of whole numbers, e.g. [1, 2, 3].",
            Kind.StatusList => $"Statuses, as a list, e.g. [\"OPEN\", \"RESOLVED\"]; each one of {StatusNames}.",
            Kind.LabelList => $"A list, e.g. [\"{parameter.Labels![0]}\"]; each one of {string.Join(", ", parameter.Labels)}.",
            _ => parameter.Description,
        }, Labels: parameter.Labels);
    }

    public JsonObject Schema()
    {
        var schema = new JsonObject { ["description"] = Description };
        switch (Kind)
        {
            case Kind.WholeNumber:
                schema["type"] = "integer";
                break;
            case Kind.YesNo:
                schema["type"] = "boolean";
                break;
            case Kind.Status:
                schema["type"] = "string";
                schema["enum"] = StatusArray();
                break;
            case Kind.WholeNumberList:
                schema["type"] = "array";
                schema["items"] = new JsonObject { ["type"] = "integer" };
                break;
            case Kind.StatusList:
                schema["type"] = "array";
                schema["items"] = new JsonObject { ["type"] = "string", ["enum"] = StatusArray() };
                break;
            case Kind.DateTime:
                schema["type"] = "string";
                schema["format"] = "date-time";
                break;
            case Kind.Label:
                schema["type"] = "string";
                schema["enum"] = LabelArray();
                break;
            case Kind.LabelList:
                schema["type"] = "array";
                schema["items"] = new JsonObject { ["type"] = "string", ["enum"] = LabelArray() };
                break;
            default:
                schema["type"] = "string";
                break;
        }
        return schema;
    }

    /// <summary>The value as the tool uses it (long, string, <see cref="TicketStatus"/>, or a query-string text for lists), or an error.</summary>
    public (object? Value, string? Error) Read(JsonElement value) => Kind switch
    {
        Kind.WholeNumber => WholeNumber(value) is { } number ? (number, null) : (null, $"{Name} must be a whole number, not {Describe(value)}."),
        Kind.YesNo => YesNo(value) is { } yes ? (yes, null) : (null, $"{Name} must be true or false, not {Describe(value)}."),
        Kind.Status => Status(value) is { } status ? (status, null) : (null, $"{Name} must be one of {StatusNames}, not {Describe(value)}."),
        Kind.WholeNumberList => List(value, v => WholeNumber(v)?.ToString(CultureInfo.InvariantCulture)) is { } ids
            ? (ids, null) : (null, $"{Name} must be a list of whole numbers, e.g. [1, 2], not {Describe(value)}."),
        Kind.StatusList => List(value, v => Status(v) is { } s ? TicketStatuses.ToWire(s) : null) is { } statuses
            ? (statuses, null) : (null, $"{Name} must be a list of statuses from {StatusNames}, e.g. [\"OPEN\"], not {Describe(value)}."),
        Kind.Label => Label(value) is { } label ? (label, null) : (null, $"{Name} must be one of {LabelNames}, not {Describe(value)}."),
        Kind.LabelList => List(value, Label) is { } labels
            ? (labels, null) : (null, $"{Name} must be a list of values from {LabelNames}, not {Describe(value)}."),
        _ => value.ValueKind == JsonValueKind.String ? (value.GetString(), null) : (null, $"{Name} must be text, not {Describe(value)}."),
    };

    private string LabelNames => string.Join(", ", Labels ?? []);

    private JsonArray LabelArray() => new([.. (Labels ?? []).Select(l => (JsonNode)l)]);

    // Labels have one spelling in the contract ("URGENT", "reply"); "urgent" or "Reply" from a model means the same thing.
    private string? Label(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && value.GetString()!.Trim() is var text
            ? (Labels ?? []).FirstOrDefault(label => string.Equals(label, text, StringComparison.OrdinalIgnoreCase))
            : null;

    /// <summary>The value as a query-string value of the list parameter of the same name.</summary>
    public static string QueryText(object value) => value switch
    {
        long number => number.ToString(CultureInfo.InvariantCulture),
        TicketStatus status => TicketStatuses.ToWire(status),
        _ => (string)value,
    };

    private static JsonArray StatusArray() => new([.. TicketStatuses.All.Select(s => (JsonNode)TicketStatuses.ToWire(s))]);

    // Models often quote numbers ("12"); a whole number is accepted in either form, nothing else is.
    private static long? WholeNumber(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt64(out var number) => number,
        JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => number,
        _ => null,
    };

    // A yes/no value; models sometimes quote it ("true"), which means the same thing.
    private static bool? YesNo(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String when bool.TryParse(value.GetString()!.Trim(), out var parsed) => parsed,
        _ => null,
    };

    // Status names are upper case in the contract; "resolved" from a model means the same thing.
    private static TicketStatus? Status(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && TicketStatuses.TryParse(value.GetString()!.Trim().ToUpperInvariant(), out var status) ? status : null;

    /// <summary>A JSON array (or a comma-separated string, the REST form) of valid items, joined with commas.</summary>
    private static string? List(JsonElement value, Func<JsonElement, string?> item)
    {
        IEnumerable<JsonElement> items = value.ValueKind switch
        {
            JsonValueKind.Array => value.EnumerateArray().ToList(),
            JsonValueKind.String => value.GetString()!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(part => JsonSerializer.SerializeToElement(part)).ToList(),
            _ => [value],
        };
        var parsed = items.Select(item).ToList();
        return parsed.Count == 0 || parsed.Any(p => p is null) ? null : string.Join(',', parsed);
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"'{Clip(value.GetString()!)}'",
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True or JsonValueKind.False => $"{value.GetRawText()} (a yes/no value)",
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        _ => "null",
    };

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
