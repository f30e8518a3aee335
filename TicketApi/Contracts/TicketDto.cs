using System.ComponentModel;
using System.Text.Json.Serialization;

namespace TicketApi.Contracts;

/// <summary>
/// A ticket as the REST API shows it. The stage-1 fields come first; the stage-2 fields (docs/triage.md,
/// "Ticket fields") follow with defaults, so code written against the first six still compiles.
/// </summary>
public sealed record TicketDto(
    [property: Description("Server-assigned identifier (read-only).")] long Id,
    [property: Description("Short summary, 1-255 characters.")] string Title,
    [property: Description("Free text, up to 20,000 characters.")] string Description,
    [property: Description("When the ticket was created, UTC (read-only).")]
    [property: JsonConverter(typeof(UtcTimestampJsonConverter))] DateTime Created,
    [property: Description("When the ticket last changed, UTC (read-only).")]
    [property: JsonConverter(typeof(UtcTimestampJsonConverter))] DateTime Updated,
    [property: Description("Lifecycle state: OPEN, RESOLVED or CLOSED.")]
    [property: JsonPropertyName("resolution_status")] TicketStatus ResolutionStatus,
    [property: Description("LOW, NORMAL, HIGH or URGENT: set by triage unless a person set it.")]
    [property: JsonPropertyName("priority")] string Priority = "NORMAL",
    [property: Description("ACCOUNT, NETWORK, EMAIL, HARDWARE, SOFTWARE, BILLING or OTHER: set by triage unless a person set it.")]
    [property: JsonPropertyName("category")] string Category = "OTHER",
    [property: Description("NEGATIVE, NEUTRAL or POSITIVE: the requester's tone, from triage (read-only); null when the caller is a requester.")]
    [property: JsonPropertyName("sentiment")] string? Sentiment = "NEUTRAL",
    [property: Description("Who asked, up to 200 characters; null when unknown.")]
    [property: JsonPropertyName("requester_name")] string? RequesterName = null,
    [property: Description("Where replies go, up to 254 characters; null when unknown.")]
    [property: JsonPropertyName("requester_email")] string? RequesterEmail = null,
    [property: Description("How each triaged value was reached (read-only).")]
    [property: JsonPropertyName("triage")] TicketTriage? Triage = null,
    [property: Description("First public reply, UTC; null until one exists (read-only).")]
    [property: JsonPropertyName("first_response_at")]
    [property: JsonConverter(typeof(NullableUtcTimestampJsonConverter))] DateTime? FirstResponseAt = null,
    [property: Description("Last move to RESOLVED, UTC; null if never resolved (read-only).")]
    [property: JsonPropertyName("resolved_at")]
    [property: JsonConverter(typeof(NullableUtcTimestampJsonConverter))] DateTime? ResolvedAt = null,
    [property: Description("Move to CLOSED, UTC; null while not closed (read-only).")]
    [property: JsonPropertyName("closed_at")]
    [property: JsonConverter(typeof(NullableUtcTimestampJsonConverter))] DateTime? ClosedAt = null,
    [property: Description("The agent or admin working on it; null while unassigned (read-only here: PUT /api/tickets/{id}/assignee).")]
    [property: JsonPropertyName("assignee")] Assignment.TicketAssignee? Assignee = null,
    [property: Description("The requester's satisfaction rating; null until rated (read-only here: POST /api/tickets/{id}/rating).")]
    [property: JsonPropertyName("rating")] Ratings.TicketRating? Rating = null,
    [property: Description("Where the ticket was filed: rest, chat, mcp, web, email, freshdesk or system (read-only).")]
    [property: JsonPropertyName("channel")] string Channel = TicketMessageChannels.Rest);
