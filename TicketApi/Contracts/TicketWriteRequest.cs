using System.ComponentModel;
using System.Text.Json.Serialization;

namespace TicketApi.Contracts;

/// <summary>
/// The writable fields of a ticket. Documents the request body; bodies are parsed field by field so that
/// unknown fields, wrong types and missing fields get precise errors. <c>id</c>, <c>created</c> and
/// <c>updated</c> may be sent too (a GET-edit-PUT round trip) and are ignored.
/// </summary>
public sealed record TicketWriteRequest(
    [property: Description("Short summary, 1-255 characters after trimming. Required on POST and PUT.")] string? Title,
    [property: Description("Free text, up to 20,000 characters. Required on PUT; defaults to empty on POST.")] string? Description,
    [property: Description("OPEN, RESOLVED or CLOSED. New tickets are OPEN; changes follow the lifecycle OPEN -> RESOLVED -> CLOSED, RESOLVED -> OPEN.")]
    [property: JsonPropertyName("resolution_status")] TicketStatus? ResolutionStatus);
