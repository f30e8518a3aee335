using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TicketApi.Contracts;
using TicketApi.Data;

namespace TicketApi.Http;

/// <summary>
/// Writes a page of ticket rows as the JSON the serializer writes for a <see cref="TicketPage"/> of
/// <see cref="TicketDto"/> (docs/rest-api.md, "List"), byte for byte, straight from the rows. A page is the
/// API's bulk output, and the serializer's way there (each stored triage record parsed into objects, a DTO
/// per row, then written back out) cost more CPU than the query: here the stored record, which the service
/// itself wrote with the same serializer (<see cref="TicketEntity.Apply"/>), goes out as it is stored
/// (docs/storage.md, "Fast paths"). Property order, names and formats follow <see cref="TicketDto"/>;
/// TicketPageJsonTests holds the two to the same bytes.
/// </summary>
public static class TicketPageJson
{
    private static readonly JsonEncodedText Count = JsonEncodedText.Encode("count");
    private static readonly JsonEncodedText Next = JsonEncodedText.Encode("next");
    private static readonly JsonEncodedText Previous = JsonEncodedText.Encode("previous");
    private static readonly JsonEncodedText Results = JsonEncodedText.Encode("results");

    private static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");
    private static readonly JsonEncodedText Description = JsonEncodedText.Encode("description");
    private static readonly JsonEncodedText Created = JsonEncodedText.Encode("created");
    private static readonly JsonEncodedText Updated = JsonEncodedText.Encode("updated");
    private static readonly JsonEncodedText ResolutionStatus = JsonEncodedText.Encode("resolution_status");
    private static readonly JsonEncodedText Priority = JsonEncodedText.Encode("priority");
    private static readonly JsonEncodedText Category = JsonEncodedText.Encode("category");
    private static readonly JsonEncodedText Sentiment = JsonEncodedText.Encode("sentiment");
    private static readonly JsonEncodedText RequesterName = JsonEncodedText.Encode("requester_name");
    private static readonly JsonEncodedText RequesterEmail = JsonEncodedText.Encode("requester_email");
    private static readonly JsonEncodedText Triage = JsonEncodedText.Encode("triage");
    private static readonly JsonEncodedText FirstResponseAt = JsonEncodedText.Encode("first_response_at");
    private static readonly JsonEncodedText ResolvedAt = JsonEncodedText.Encode("resolved_at");
    private static readonly JsonEncodedText ClosedAt = JsonEncodedText.Encode("closed_at");
    private static readonly JsonEncodedText Assignee = JsonEncodedText.Encode("assignee");
    private static readonly JsonEncodedText Rating = JsonEncodedText.Encode("rating");
    private static readonly JsonEncodedText Channel = JsonEncodedText.Encode("channel");
    private static readonly JsonEncodedText NestedId = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText NestedName = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText Score = JsonEncodedText.Encode("score");
    private static readonly JsonEncodedText Comment = JsonEncodedText.Encode("comment");
    private static readonly JsonEncodedText RatedAt = JsonEncodedText.Encode("rated_at");

    private static readonly JsonEncodedText[] Statuses = [.. TicketStatuses.All.Select(s => JsonEncodedText.Encode(TicketStatuses.ToWire(s)))];

    /// <summary>The longest timestamp <see cref="UtcTimestampJsonConverter.Format"/> writes (a five-digit year is not a DateTime).</summary>
    private const int TimestampBytes = 27;

    /// <param name="options">The application's response JSON settings: their escaping decides whether a stored record can be copied.</param>
    public static void Write(Utf8JsonWriter writer, JsonSerializerOptions options, long count, string? next, string? previous, IReadOnlyList<TicketEntity> tickets)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(tickets);
        writer.WriteStartObject();
        writer.WriteNumber(Count, count);
        WriteStringOrNull(writer, Next, next);
        WriteStringOrNull(writer, Previous, previous);
        writer.WriteStartArray(Results);
        foreach (var ticket in tickets)
        {
            WriteTicket(writer, options, ticket);
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteTicket(Utf8JsonWriter writer, JsonSerializerOptions options, TicketEntity ticket)
    {
        writer.WriteStartObject();
        writer.WriteNumber(Id, ticket.Id);
        writer.WriteString(Title, ticket.Title);
        writer.WriteString(Description, ticket.Description);
        WriteTimestamp(writer, Created, ticket.Created);
        WriteTimestamp(writer, Updated, ticket.Updated);
        writer.WriteString(ResolutionStatus, Statuses[(int)ticket.ResolutionStatus]);
        writer.WriteString(Priority, TicketLabels.PriorityName(ticket.Priority));
        writer.WriteString(Category, ticket.Category);
        WriteStringOrNull(writer, Sentiment, ticket.Sentiment);
        WriteStringOrNull(writer, RequesterName, ticket.RequesterName);
        WriteStringOrNull(writer, RequesterEmail, ticket.RequesterEmail);
        if (ticket.Triage is not { } triage)
        {
            writer.WriteNull(Triage);
        }
        else if (StoredTriageJson.IsWireReady(triage, options.Encoder))
        {
            // Validated as it is copied (a reader pass, far cheaper than parsing into objects): a malformed
            // record fails this request instead of breaking the page's JSON.
            writer.WritePropertyName(Triage);
            writer.WriteRawValue(triage, skipInputValidation: false);
        }
        else
        {
            writer.WritePropertyName(Triage);
            JsonSerializer.Serialize(writer, ticket.TriageRecord!, (JsonTypeInfo<TicketTriage>)options.GetTypeInfo(typeof(TicketTriage)));
        }
        WriteTimestampOrNull(writer, FirstResponseAt, ticket.FirstResponseAt);
        WriteTimestampOrNull(writer, ResolvedAt, ticket.ResolvedAt);
        WriteTimestampOrNull(writer, ClosedAt, ticket.ClosedAt);
        WriteAssignee(writer, ticket.Assignee);
        WriteRating(writer, ticket.Rating);
        writer.WriteString(Channel, ticket.Channel);
        writer.WriteEndObject();
    }

    private static void WriteAssignee(Utf8JsonWriter writer, Assignment.TicketAssignee? assignee)
    {
        if (assignee is null)
        {
            writer.WriteNull(Assignee);
            return;
        }
        writer.WriteStartObject(Assignee);
        writer.WriteString(NestedId, assignee.Id);
        writer.WriteString(NestedName, assignee.Name);
        writer.WriteEndObject();
    }

    private static void WriteRating(Utf8JsonWriter writer, Ratings.TicketRating? rating)
    {
        if (rating is null)
        {
            writer.WriteNull(Rating);
            return;
        }
        writer.WriteStartObject(Rating);
        writer.WriteNumber(Score, rating.Score);
        WriteStringOrNull(writer, Comment, rating.Comment);
        WriteTimestamp(writer, RatedAt, rating.RatedAt);
        writer.WriteEndObject();
    }

    private static void WriteStringOrNull(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteTimestampOrNull(Utf8JsonWriter writer, JsonEncodedText name, DateTime? value)
    {
        if (value is { } time)
        {
            WriteTimestamp(writer, name, time);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>As <see cref="UtcTimestampJsonConverter"/> writes it, formatted into UTF-8 without a string.</summary>
    private static void WriteTimestamp(Utf8JsonWriter writer, JsonEncodedText name, DateTime value)
    {
        Span<byte> utf8 = stackalloc byte[TimestampBytes];
        if (!DateTime.SpecifyKind(value, DateTimeKind.Utc).TryFormat(utf8, out var written, UtcTimestampJsonConverter.Format, CultureInfo.InvariantCulture))
        {
            throw new FormatException($"The timestamp {value:O} does not fit the wire format.");
        }
        writer.WriteString(name, utf8[..written]);
    }
}
