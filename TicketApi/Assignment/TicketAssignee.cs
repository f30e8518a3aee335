using System.ComponentModel;
using System.Text.Json.Serialization;

namespace TicketApi.Assignment;

/// <summary>Who a ticket is assigned to, as the API shows it (docs/accounts.md, "Assignment").</summary>
public sealed record TicketAssignee(
    [property: Description("The person's id (\"local\" for the local admin of local mode).")]
    [property: JsonPropertyName("id")] string Id,
    [property: Description("The name shown for them.")]
    [property: JsonPropertyName("name")] string Name);
