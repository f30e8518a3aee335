using System.ComponentModel;
using System.Text.Json.Serialization;

namespace TicketApi.Contracts;

/// <summary>A ticket as the REST API shows it.</summary>
public sealed record TicketDto(
    [property: Description("Server-assigned identifier (read-only).")] long Id,
    [property: Description("Short summary, 1-255 characters.")] string Title,
    [property: Description("Free text, up to 20,000 characters.")] string Description,
    [property: Description("When the ticket was created, UTC (read-only).")]
    [property: JsonConverter(typeof(UtcTimestampJsonConverter))] DateTime Created,
    [property: Description("When the ticket last changed, UTC (read-only).")]
    [property: JsonConverter(typeof(UtcTimestampJsonConverter))] DateTime Updated,
    [property: Description("Lifecycle state: OPEN, RESOLVED or CLOSED.")]
    [property: JsonPropertyName("resolution_status")] TicketStatus ResolutionStatus);
