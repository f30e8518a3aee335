using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using TicketApi.Contracts;

namespace TicketApi.Events;

/// <summary>One event as a stream's <c>data:</c> line carries it.</summary>
public sealed record EventFrame(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("at")]
    [property: JsonConverter(typeof(UtcTimestampJsonConverter))] DateTime At,
    [property: JsonPropertyName("ticket_id")] long TicketId,
    [property: JsonPropertyName("urgent")] bool Urgent,
    [property: JsonPropertyName("fields")] IReadOnlyList<string> Fields,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("message_id")] long? MessageId,
    [property: JsonPropertyName("message_kind")] string? MessageKind);

/// <summary>The first frame of a stream that resumed from an id older than the table keeps.</summary>
public sealed record MissedFrame(
    [property: JsonPropertyName("last_event_id")] long LastEventId,
    [property: JsonPropertyName("oldest_kept")] long OldestKept);

/// <summary>
/// The WHATWG event-stream framing of the live events (docs/accounts.md, "Live events"): <c>id:</c>, <c>event:</c>
/// and one <c>data:</c> line of JSON per event (JSON written without line breaks, so one line is the whole
/// value), blank-line terminated; comments (a leading colon) as heartbeats; <c>retry:</c> alone in the opening block.
/// </summary>
public static class EventFrames
{
    public const string MissedType = "events.missed";

    public static string Opening(TimeSpan retry) =>
        $": ticket events\nretry: {((long)retry.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)}\n\n";

    public const string Heartbeat = ": heartbeat\n\n";

    public static string Missed(long lastEventId, long prunedThrough) =>
        $"event: {MissedType}\ndata: {JsonSerializer.Serialize(new MissedFrame(lastEventId, prunedThrough + 1), EventJsonContext.Default.MissedFrame)}\n\n";

    public static string Format(TicketEvent ticketEvent)
    {
        ArgumentNullException.ThrowIfNull(ticketEvent);
        var data = JsonSerializer.Deserialize(ticketEvent.Data, EventJsonContext.Default.EventData) ?? new EventData([]);
        var frame = new EventFrame(ticketEvent.Id, ticketEvent.Type, ticketEvent.At, ticketEvent.TicketId, ticketEvent.Urgent,
            data.Fields, data.Status, data.MessageId, data.MessageKind);
        return new StringBuilder()
            .Append("id: ").Append(ticketEvent.Id.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append("event: ").Append(ticketEvent.Type).Append('\n')
            .Append("data: ").Append(JsonSerializer.Serialize(frame, EventJsonContext.Default.EventFrame)).Append("\n\n")
            .ToString();
    }
}
