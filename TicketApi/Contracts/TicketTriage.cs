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
    /// <summary>Settled: the offline triager's answer (it answers at once), or the model's.</summary>
    public const string Done = "done";

    /// <summary>The rules' answer is stored and a model is working on the ticket (docs/triage.md, "Triage by a model").</summary>
    public const string Pending = "pending";

    /// <summary>The model gave no usable answer; the rules' answer stands.</summary>
    public const string Failed = "failed";

    public const string HumanSource = "human";
}
