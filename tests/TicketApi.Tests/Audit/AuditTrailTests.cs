using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TicketApi.Contracts;
using TicketApi.Data;
using TicketApi.Tests.Drafts;
using TicketApi.Tests.Infrastructure;
using static TicketApi.Tests.Audit.AuditReading;

namespace TicketApi.Tests.Audit;

/// <summary>
/// What each write path records (docs/accounts.md, "Audit"): the action, the actor and channel, and every changed
/// field as the API spells it with its old and new value. Local mode: the actor is the local admin, through REST.
/// </summary>
public abstract class AuditTrailTests(TicketStoreFixture store) : DraftApiTest(store)
{
    [Fact]
    public async Task Creating_a_ticket_records_created_by_the_local_admin_through_rest_with_the_fields_it_was_stored_with()
    {
        var id = (long)(await CreateTicketAsync("Printer jam", "Tray 2 jams."))["id"]!;

        var row = Assert.Single(await RowsAsync(Client, id));

        Assert.Equal("created", (string)row["action"]!);
        Assert.Equal("local", (string)row["actor"]!["id"]!);
        Assert.Equal("Local admin", (string)row["actor"]!["name"]!);
        Assert.Null(row["actor"]!["key_id"]);
        Assert.Equal("rest", (string)row["channel"]!);
        Assert.Null(row["tool"]);
        Assert.Equal(id, (long)row["ticket_id"]!);
        Assert.Equal("2025-01-08T14:15:22.123456Z", (string)row["at"]!);
        var changes = Changes(row);
        Assert.Contains("title: null -> Printer jam", changes);
        Assert.Contains("description: null -> Tray 2 jams.", changes);
        Assert.Contains("resolution_status: null -> OPEN", changes);
        Assert.Contains(changes, c => c.StartsWith("priority: null -> ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_patch_records_updated_with_each_changed_field_old_and_new_and_nothing_it_left_alone()
    {
        var id = (long)(await CreateTicketAsync("Printer jam", "Tray 2 jams."))["id"]!;

        var response = await PatchJsonAsync($"/api/tickets/{id}/", """{"title":"Printer jams on floor 3","requester_email":"dana@example.com"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = (await RowsAsync(Client, id))[^1];
        Assert.Equal("updated", (string)row["action"]!);
        Assert.Equal(["title: Printer jam -> Printer jams on floor 3", "requester_email: null -> dana@example.com"], Changes(row));
    }

    [Fact]
    public async Task A_status_move_records_status_changed_with_the_timestamp_it_set()
    {
        var id = (long)(await CreateTicketAsync())["id"]!;
        Factory.Clock.Advance(TimeSpan.FromMinutes(5));

        await PatchJsonAsync($"/api/tickets/{id}/", """{"resolution_status":"RESOLVED"}""");

        var row = (await RowsAsync(Client, id))[^1];
        Assert.Equal("status_changed", (string)row["action"]!);
        Assert.Equal(["resolution_status: OPEN -> RESOLVED", "resolved_at: null -> 2025-01-08T14:20:22.123456Z"], Changes(row));
    }

    [Fact]
    public async Task A_refused_transition_and_a_patch_that_changes_nothing_record_nothing()
    {
        var id = await CreateTicketInStatusAsync("CLOSED");
        var before = await RowsAsync(Client, id);

        var refused = await PatchJsonAsync($"/api/tickets/{id}/", """{"resolution_status":"RESOLVED"}""");
        var same = await PatchJsonAsync($"/api/tickets/{id}/", """{"resolution_status":"CLOSED"}""");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Equal(before.Count, (await RowsAsync(Client, id)).Count);
    }

    [Fact]
    public async Task Two_racing_resolves_record_exactly_one_status_change()
    {
        var id = (long)(await CreateTicketAsync())["id"]!;

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PatchJsonAsync($"/api/tickets/{id}/", """{"resolution_status":"RESOLVED"}""")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(["created", "status_changed"], Actions(await RowsAsync(Client, id)));
    }

    [Fact]
    public async Task A_message_records_message_added_with_its_id_kind_and_what_it_did_to_the_ticket()
    {
        var id = await CreateTicketInStatusAsync("RESOLVED");
        var message = await ReadObjectAsync(await PostJsonAsync($"/api/tickets/{id}/messages/", """{"kind":"customer","body":"Still broken."}"""));

        var row = (await RowsAsync(Client, id))[^1];

        Assert.Equal("message_added", (string)row["action"]!);
        Assert.Equal(["resolution_status: RESOLVED -> OPEN", $"message_id: null -> {(long)message["id"]!}", "message_kind: null -> customer"], Changes(row));
    }

    [Fact]
    public async Task Triaging_again_records_triaged()
    {
        var id = (long)(await CreateTicketAsync())["id"]!;

        Assert.Equal(HttpStatusCode.OK, (await PostJsonAsync($"/api/tickets/{id}/triage/", "")).StatusCode);

        Assert.Equal(["created", "triaged"], Actions(await RowsAsync(Client, id)));
    }

    [Fact]
    public async Task Writing_discarding_and_sending_drafts_record_draft_written_draft_discarded_and_draft_sent()
    {
        var id = await CreateTicketIdAsync();
        await WriteDraftAsync(id);
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync(new Uri(Draft(id), UriKind.Relative))).StatusCode);
        await WriteDraftAsync(id);

        var sent = await PostJsonAsync(Send(id), """{"resolve":true}""");

        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var rows = await RowsAsync(Client, id);
        Assert.Equal(["created", "draft_written", "draft_discarded", "draft_written", "draft_sent"], Actions(rows));
        Assert.Equal(["draft_version: null -> 1"], Changes(rows[1]));
        Assert.Equal(["draft_version: 1 -> null"], Changes(rows[2]));
        var sending = Changes(rows[4]);
        Assert.Contains("resolution_status: OPEN -> RESOLVED", sending);
        Assert.Contains("message_kind: null -> reply", sending);
        Assert.Contains("draft_version: null -> 2", sending);
    }

    [Fact]
    public async Task Deleting_records_deleted_with_the_last_values_and_the_admin_trail_keeps_the_ticket_after_it_is_gone()
    {
        var id = (long)(await CreateTicketAsync("Printer jam"))["id"]!;

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync(new Uri($"/api/tickets/{id}/", UriKind.Relative))).StatusCode);

        var rows = await RowsAsync(Client, id);
        Assert.Equal(["created", "deleted"], Actions(rows));
        Assert.Contains("title: Printer jam -> null", Changes(rows[1]));
        await AssertProblemAsync(await Client.GetAsync(new Uri($"/api/tickets/{id}/history/", UriKind.Relative)), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_bulk_retriage_records_triaged_for_each_ticket_it_wrote_and_nothing_for_the_others()
    {
        var stale = (long)(await CreateTicketAsync("VPN drops every hour", "The VPN disconnects."))["id"]!;
        var fresh = (long)(await CreateTicketAsync("Printer jam", "Tray 2 jams."))["id"]!;
        var category = (string)(await GetTicketObjectAsync(stale))["category"]!;
        await SetCategoryAsTheRulesOnceDidAsync(stale, category == "BILLING" ? "OTHER" : "BILLING");

        var result = await ReadObjectAsync(await Client.PostAsync(new Uri("/api/tickets/triage/", UriKind.Relative), null));

        Assert.Equal(1, (long)result["changed"]!);
        var row = (await RowsAsync(Client, stale))[^1];
        Assert.Equal("triaged", (string)row["action"]!);
        Assert.Contains($"category: {(category == "BILLING" ? "OTHER" : "BILLING")} -> {category}", Changes(row));
        Assert.Equal(["created"], Actions(await RowsAsync(Client, fresh)));
    }

    private async Task SetCategoryAsTheRulesOnceDidAsync(long id, string category)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketDbContext>();
        var record = (await db.Tickets.SingleAsync(t => t.Id == id)).TriageRecord!;
        var stale = record with { Category = record.Category with { Value = category, Reason = "an older triager" } };
        await db.Tickets.Where(t => t.Id == id).ExecuteUpdateAsync(set => set
            .SetProperty(t => t.Category, category)
            .SetProperty(t => t.Triage, JsonSerializer.Serialize(stale, TicketJsonContext.Default.TicketTriage)));
    }
}

public sealed class AuditTrailOnSqliteTests() : AuditTrailTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class AuditTrailOnPostgresTests(PostgresServer server) : AuditTrailTests(server);
