using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TicketApi.Contracts;

/// <summary>
/// Writes UTC timestamps as ISO-8601 with microseconds and a <c>Z</c> (the original system's format);
/// reads any ISO-8601 form and normalises it to UTC.
/// </summary>
public sealed class UtcTimestampJsonConverter : JsonConverter<DateTime>
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).UtcDateTime;

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString(Format, CultureInfo.InvariantCulture));
}
