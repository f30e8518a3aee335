using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TicketApi.Contracts;

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

    public static string Serialize(TicketTriage record) => JsonSerializer.Serialize(record, Record);

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
