using System.Text.Json.Serialization;

namespace TicketApi.Contracts;

/// <summary>Where a ticket is in its lifecycle. Serialized as the upper-case names the original system used.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TicketStatus>))]
public enum TicketStatus
{
    [JsonStringEnumMemberName("OPEN")] Open,
    [JsonStringEnumMemberName("RESOLVED")] Resolved,
    [JsonStringEnumMemberName("CLOSED")] Closed,
}
