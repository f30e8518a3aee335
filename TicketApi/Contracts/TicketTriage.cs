using System.Text.Json.Serialization;
using TicketApi.Triage;

namespace TicketApi.Contracts;

/// <summary>
/// A ticket's <c>triage</c> object (docs/triage.md, "Ticket fields"): how each triaged value was reached.
/// Stored as this JSON text in the ticket's <c>triage</c> column and served as it is stored.
/// </summary>
public sealed record TicketTriage(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("triaged_at")]
    [property: JsonConverter(typeof(UtcTimestampJsonConverter))] DateTime TriagedAt,
    [property: JsonPropertyName("category")] TriagedValue Category,
    [property: JsonPropertyName("priority")] TriagedValue Priority,
    [property: JsonPropertyName("sentiment")] TriagedValue Sentiment)
{
    /// <summary>The offline triager answers at once, so its records are always <c>done</c>.</summary>
    public const string Done = "done";

    public const string HumanSource = "human";
}
