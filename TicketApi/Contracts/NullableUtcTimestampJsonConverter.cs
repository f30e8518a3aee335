using System.Text.Json;
using System.Text.Json.Serialization;

namespace TicketApi.Contracts;

/// <summary><see cref="UtcTimestampJsonConverter"/> for timestamps that may be absent (written as <c>null</c>).</summary>
public sealed class NullableUtcTimestampJsonConverter : JsonConverter<DateTime?>
{
    private static readonly UtcTimestampJsonConverter Inner = new();

    public override DateTime? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? null : Inner.Read(ref reader, typeof(DateTime), options);

    public override void Write(Utf8JsonWriter writer, DateTime? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } time)
        {
            Inner.Write(writer, time, options);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
