using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace AgentHost.Tools;

/// <summary>
/// JSON settings of the tool faces: snake_case like the REST contract, statuses as their wire names, lenient
/// number reading because models sometimes send <c>"12"</c> for 12, and plain text: tool results are read by
/// models and people, so <c>Café</c> and <c>can't</c> stay as they are instead of <c>Caf\u00E9</c> and
/// <c>can\u0027t</c> (a title copied from a result must match as <c>confirm_title</c>). The relaxed encoder is
/// for tool-result JSON only; it is never used for HTML.
/// </summary>
public static class TicketToolJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly();
        return options;
    }
}
