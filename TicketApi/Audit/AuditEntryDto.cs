using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using TicketApi.Contracts;

namespace TicketApi.Audit;

/// <summary>Who acted: a person (or the local admin, or <c>system</c>), and the API key they used, if any.</summary>
public sealed record AuditActorDto(
    [property: Description("The person's account id; \"local\" for local mode's admin, \"system\" for background work.")] string Id,
    [property: Description("The name shown for them.")] string Name,
    [property: Description("The API key the change was made with; null for a sign-in or local mode.")]
    [property: JsonPropertyName("key_id")] string? KeyId);

/// <summary>One row of the audit trail (docs/accounts.md, "Audit").</summary>
public sealed record AuditEntryDto(
    [property: Description("Ascending in the order changes were recorded.")] long Id,
    [property: Description("When the change was made (UTC).")]
    [property: JsonConverter(typeof(UtcTimestampJsonConverter))] DateTime At,
    AuditActorDto Actor,
    [property: Description("rest, chat, mcp, web, email or system.")] string Channel,
    [property: Description("The chat or MCP tool that made the change; null otherwise.")] string? Tool,
    [property: Description("The ticket changed; kept after the ticket is deleted.")]
    [property: JsonPropertyName("ticket_id")] long TicketId,
    [property: Description("created, updated, status_changed, message_added, draft_written, draft_discarded, draft_sent, triaged, assigned, rated or deleted.")] string Action,
    [property: Description("Every field the change moved, as the API spells it, with its value before and after (null when absent).")]
    IReadOnlyList<FieldChange> Changes);

/// <summary>A page of the audit trail, in the envelope of every list (count, next, previous, results).</summary>
public sealed record AuditPage(
    [property: Description("Rows matching the filters, on every page.")] long Count,
    [property: Description("Absolute URL of the next page; null on the last.")] string? Next,
    [property: Description("Absolute URL of the previous page; null on the first.")] string? Previous,
    IReadOnlyList<AuditEntryDto> Results);

/// <summary>Source-generated JSON for the audit contracts, as <see cref="TicketJsonContext"/> is for tickets.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(AuditPage))]
[JsonSerializable(typeof(IReadOnlyList<FieldChange>))]
public sealed partial class AuditJsonContext : JsonSerializerContext;

/// <summary>How the <c>changes</c> column holds its field changes: <c>[{"field","old","new"}]</c>.</summary>
public static class AuditJson
{
    public static string WriteChanges(IReadOnlyList<FieldChange> changes) =>
        JsonSerializer.Serialize(changes, AuditJsonContext.Default.IReadOnlyListFieldChange);

    public static IReadOnlyList<FieldChange> ReadChanges(string json) =>
        JsonSerializer.Deserialize(json, AuditJsonContext.Default.IReadOnlyListFieldChange) ?? [];
}
