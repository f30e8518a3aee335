using System.Text.Json.Serialization;

namespace TicketApi.Contracts;

/// <summary>
/// The answer of <c>POST /api/tickets/triage/</c> (docs/rest-api.md, "Bulk re-triage"): how many tickets the
/// filters selected and were triaged again, and how many of them changed (and so got a new version).
/// </summary>
public sealed record BulkTriageResult(
    [property: JsonPropertyName("triaged")] long Triaged,
    [property: JsonPropertyName("changed")] long Changed);
