using System.Net;
using System.Text.Json.Nodes;

namespace TicketApi.Tests.Audit;

/// <summary>Reads the audit trail through <c>GET /api/audit/</c>, as an admin would (local mode acts as one).</summary>
internal static class AuditReading
{
    /// <summary>The ticket's rows, oldest first.</summary>
    public static async Task<List<JsonObject>> RowsAsync(HttpClient client, long ticketId)
    {
        using var response = await client.GetAsync(new Uri($"/api/audit/?ticket={ticketId}&page_size=100", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET /api/audit/ gave {(int)response.StatusCode}: {text}");
        return [.. JsonNode.Parse(text)!["results"]!.AsArray().Select(r => r!.AsObject()).Reverse()];
    }

    public static string[] Actions(IEnumerable<JsonObject> rows) => [.. rows.Select(r => (string)r["action"]!)];

    /// <summary>The row's changes as "field: old -> new" lines, for assertions that read like the record.</summary>
    public static string[] Changes(JsonObject row) =>
        [.. row["changes"]!.AsArray().Select(c => $"{(string)c!["field"]!}: {(string?)c["old"] ?? "null"} -> {(string?)c["new"] ?? "null"}")];
}
