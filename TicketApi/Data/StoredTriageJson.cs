using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TicketApi.Contracts;
using TicketApi.Triage;

namespace TicketApi.Data;

/// <summary>
/// How a ticket's <see cref="TicketTriage"/> record is stored in the <c>triage</c> column: the source-generated
/// serializer with the escaping ASP.NET Core writes HTTP JSON with (<see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>),
/// so a stored record is already the bytes a response carries and a page can copy it out unparsed
/// (docs/storage.md, "Fast paths"). Any escaping reads back the same; only the copy depends on it.
/// </summary>
public static class StoredTriageJson
{
    /// <summary>How every record the service writes begins (the serializer writes <c>status</c> first, no spaces).</summary>
    private const string OwnPrefix = "{\"status\":\"";

    public static JavaScriptEncoder Encoder => JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private static readonly JsonTypeInfo<TicketTriage> Record =
        new TicketJsonContext(new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = Encoder }).TicketTriage;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = Encoder };
    private static readonly UtcTimestampJsonConverter Timestamp = new();
    private static readonly JsonEncodedText StatusName = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText TriagedAtName = JsonEncodedText.Encode("triaged_at");
    private static readonly JsonEncodedText CategoryName = JsonEncodedText.Encode("category");
    private static readonly JsonEncodedText PriorityName = JsonEncodedText.Encode("priority");
    private static readonly JsonEncodedText SentimentName = JsonEncodedText.Encode("sentiment");
    private static readonly JsonEncodedText ValueName = JsonEncodedText.Encode("value");
    private static readonly JsonEncodedText ConfidenceName = JsonEncodedText.Encode("confidence");
    private static readonly JsonEncodedText ReasonName = JsonEncodedText.Encode("reason");
    private static readonly JsonEncodedText SourceName = JsonEncodedText.Encode("source");

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? buffer;

    /// <summary>
    /// The record as the generated serializer writes it (same names, order, escaping and number format: a test
    /// compares the two), written by hand because every create and re-triage stores one and the generated
    /// serializer's metadata walk cost more than the rest of recording triage (docs/triage.md, "Speed").
    /// </summary>
    public static string Serialize(TicketTriage record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var output = buffer ??= new ArrayBufferWriter<byte>(1024);
        output.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(output, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString(StatusName, record.Status);
            writer.WritePropertyName(TriagedAtName);
            Timestamp.Write(writer, record.TriagedAt, JsonSerializerOptions.Default);
            WriteValue(writer, CategoryName, record.Category);
            WriteValue(writer, PriorityName, record.Priority);
            WriteValue(writer, SentimentName, record.Sentiment);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    private static void WriteValue(Utf8JsonWriter writer, JsonEncodedText name, TriagedValue? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
            return;
        }
        writer.WriteStartObject(name);
        writer.WriteString(ValueName, value.Value);
        writer.WriteNumber(ConfidenceName, value.Confidence);
        writer.WriteString(ReasonName, value.Reason);
        writer.WriteString(SourceName, value.Source);
        writer.WriteEndObject();
    }

    /// <summary>The generated serializer's output, which <see cref="Serialize"/> matches byte for byte.</summary>
    internal static string SerializeGenerated(TicketTriage record) => JsonSerializer.Serialize(record, Record);

    public static TicketTriage? Deserialize(string stored) => JsonSerializer.Deserialize(stored, Record);

    /// <summary>
    /// True when <paramref name="stored"/> is, byte for byte, what a serializer escaping with
    /// <paramref name="wireEncoder"/> would write for it. The serializer wrote it (compact, <c>status</c> first)
    /// and it holds no <c>\u</c> escape, the one place where escapers differ (a record stored before this
    /// encoder was used has <c>\u0022</c> for a quote): anything else, such as a record written by hand or by
    /// another program, is parsed and written anew, as correct and only slower.
    /// </summary>
    public static bool IsWireReady(string stored, JavaScriptEncoder? wireEncoder) =>
        ReferenceEquals(wireEncoder, Encoder) &&
        stored.StartsWith(OwnPrefix, StringComparison.Ordinal) &&
        !stored.Contains("\\u", StringComparison.Ordinal);
}
