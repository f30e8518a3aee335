using System.Text.Json.Serialization;

namespace TicketApi.Triage;

/// <summary>What the triager reads: the requester's own words (docs/triage.md, "Output").</summary>
public sealed record TriageInput(string Title, string? Description, string? RequesterName = null);

/// <summary>
/// One triaged field as the ticket's <c>triage</c> object stores and serves it (docs/triage.md):
/// <c>{"value","confidence","reason","source"}</c>.
/// </summary>
public sealed record TriagedValue(
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("confidence")] double Confidence,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("source")] string Source);

/// <summary>The three triaged fields of one ticket.</summary>
public sealed record TriageOutcome(
    [property: JsonPropertyName("category")] TriagedValue Category,
    [property: JsonPropertyName("priority")] TriagedValue Priority,
    [property: JsonPropertyName("sentiment")] TriagedValue Sentiment)
{
    /// <summary>The field's triaged value by field, for code that walks all three.</summary>
    public TriagedValue this[TriageField field] => field switch
    {
        TriageField.Category => Category,
        TriageField.Priority => Priority,
        _ => Sentiment,
    };
}

/// <summary>A labelled ticket of <c>eval/triage/*.jsonl</c>.</summary>
public sealed record TriageExample(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("requester_name")] string? RequesterName,
    [property: JsonPropertyName("category")] string Category,
    [property: JsonPropertyName("priority")] string Priority,
    [property: JsonPropertyName("sentiment")] string Sentiment)
{
    public TriageInput Input => new(Title, Description, RequesterName);

    public string Label(TriageField field) => field switch
    {
        TriageField.Category => Category,
        TriageField.Priority => Priority,
        _ => Sentiment,
    };
}
