using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests.TriageFields;

/// <summary>
/// The stage-2 ticket fields on create, read and update (docs/triage.md, docs/rest-api.md): triage fills what
/// a person did not set, a person's value wins and is kept, requester fields are checked, the service sets the
/// lifecycle timestamps, and stage-1 requests behave as before.
/// </summary>
public abstract class TicketFieldsTests(TicketStoreFixture store) : TicketApiTest(store)
{
    private const string Ransomware = """{"title":"Ransomware on the file server","description":"Every share shows encrypted files and a ransom note."}""";

    [Fact]
    public async Task Post_triages_the_ticket_and_records_how_with_source_rules()
    {
        var ticket = await ReadObjectAsync(await PostJsonAsync("/api/tickets/", Ransomware));

        Assert.Equal("URGENT", (string)ticket["priority"]!);
        Assert.Equal("SOFTWARE", (string)ticket["category"]!);
        Assert.Contains((string)ticket["sentiment"]!, new[] { "NEGATIVE", "NEUTRAL", "POSITIVE" });
        var triage = ticket["triage"]!.AsObject();
        Assert.Equal("done", (string)triage["status"]!);
        Assert.Equal((string)ticket["created"]!, (string)triage["triaged_at"]!);
        foreach (var field in new[] { "category", "priority", "sentiment" })
        {
            Assert.Equal((string)ticket[field]!, (string)triage[field]!["value"]!);
            Assert.Equal("rules", (string)triage[field]!["source"]!);
            Assert.InRange((double)triage[field]!["confidence"]!, 0, 1);
            Assert.False(string.IsNullOrWhiteSpace((string)triage[field]!["reason"]!));
        }
        Assert.Null(ticket["requester_name"]);
        Assert.Null(ticket["requester_email"]);
        Assert.Null(ticket["first_response_at"]);
        Assert.Null(ticket["resolved_at"]);
        Assert.Null(ticket["closed_at"]);
    }

    [Fact]
    public async Task A_priority_and_category_a_person_sends_win_over_triage_and_are_marked_human()
    {
        var ticket = await ReadObjectAsync(await PostJsonAsync("/api/tickets/",
            """{"title":"Ransomware on the file server","priority":"LOW","category":"OTHER","requester_name":"  Dana Whitfield ","requester_email":"Dana@Example.com"}"""));

        Assert.Equal("LOW", (string)ticket["priority"]!);
        Assert.Equal("OTHER", (string)ticket["category"]!);
        Assert.Equal("human", (string)ticket["triage"]!["priority"]!["source"]!);
        Assert.Equal(1.0, (double)ticket["triage"]!["priority"]!["confidence"]!);
        Assert.Equal("human", (string)ticket["triage"]!["category"]!["source"]!);
        Assert.Equal("rules", (string)ticket["triage"]!["sentiment"]!["source"]!);
        Assert.Equal("Dana Whitfield", (string)ticket["requester_name"]!);
        Assert.Equal("Dana@Example.com", (string)ticket["requester_email"]!);

        var again = await ReadObjectAsync(await Client.PostAsync($"/api/tickets/{ticket["id"]}/triage", null));
        Assert.Equal("LOW", (string)again["priority"]!);
        Assert.Equal("OTHER", (string)again["category"]!);
    }

    [Fact]
    public async Task Sent_read_only_fields_are_ignored()
    {
        var response = await PostJsonAsync("/api/tickets/",
            """{"title":"Ransomware on the file server","sentiment":"POSITIVE","triage":{"status":"pending"},"resolved_at":"2000-01-01T00:00:00Z","closed_at":"x","first_response_at":null}""");

        var ticket = await ReadObjectAsync(response);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("done", (string)ticket["triage"]!["status"]!);
        Assert.Equal("rules", (string)ticket["triage"]!["sentiment"]!["source"]!);
        Assert.Null(ticket["resolved_at"]);
        Assert.Null(ticket["closed_at"]);
    }

    [Theory]
    [InlineData("""{"title":"x","priority":"urgent"}""", "priority", "Invalid priority 'urgent'. Allowed values are: LOW, NORMAL, HIGH, URGENT.")]
    [InlineData("""{"title":"x","category":"PRINTERS"}""", "category", "Invalid category 'PRINTERS'. Allowed values are: ACCOUNT, NETWORK, EMAIL, HARDWARE, SOFTWARE, BILLING, OTHER.")]
    [InlineData("""{"title":"x","requester_email":"dana"}""", "requester_email", "'dana' is not a valid email address")]
    [InlineData("""{"title":"x","requester_email":"dana@localhost"}""", "requester_email", "is not a valid email address")]
    [InlineData("""{"title":"x","requester_email":"Dana <dana@example.com>"}""", "requester_email", "is not a valid email address")]
    [InlineData("""{"title":"x","requester_email":"dana@@example.com"}""", "requester_email", "is not a valid email address")]
    [InlineData("""{"title":"x","requester_email":"dana smith@example.com"}""", "requester_email", "is not a valid email address")]
    [InlineData("""{"title":"x","requester_email":"a@b.com,c@d.com"}""", "requester_email", "is not a valid email address")]
    public async Task Post_with_a_bad_triage_field_or_malformed_email_returns_422_naming_it(string body, string field, string message)
    {
        var problem = await AssertProblemAsync(await PostJsonAsync("/api/tickets/", body), HttpStatusCode.UnprocessableEntity);

        Assert.Contains(message, FieldErrors(problem, field).Single(), StringComparison.Ordinal);
        Assert.Equal(0, (long)(await GetPageAsync(""))["count"]!);
    }

    [Fact]
    public async Task Requester_fields_over_their_limits_return_422()
    {
        var longName = new string('n', 201);
        var longEmail = new string('a', 64) + "@" + new string('b', 186) + ".com"; // 255 characters
        var problem = await AssertProblemAsync(await PostJsonAsync("/api/tickets/",
            $$"""{"title":"x","requester_name":"{{longName}}","requester_email":"{{longEmail}}"}"""), HttpStatusCode.UnprocessableEntity);

        Assert.Contains("no more than 200 characters", FieldErrors(problem, "requester_name").Single(), StringComparison.Ordinal);
        Assert.Contains("no more than 254 characters", FieldErrors(problem, "requester_email").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requester_fields_with_a_wrong_type_or_null_return_400()
    {
        var problem = await AssertProblemAsync(await PostJsonAsync("/api/tickets/", """{"title":"x","requester_name":7,"priority":null}"""), HttpStatusCode.BadRequest);


        Assert.Equal(["Expected a string, got a number."], FieldErrors(problem, "requester_name"));
        Assert.Equal(["This field may not be null."], FieldErrors(problem, "priority"));
    }

    [Fact]
    public async Task Patching_priority_or_category_to_a_new_value_marks_it_human_and_triage_keeps_it()
    {
        var id = (long)(await ReadObjectAsync(await PostJsonAsync("/api/tickets/", Ransomware)))["id"]!;

        var patched = await ReadObjectAsync(await PatchJsonAsync($"/api/tickets/{id}/", """{"priority":"HIGH"}"""));
        Assert.Equal("HIGH", (string)patched["priority"]!);
        Assert.Equal("human", (string)patched["triage"]!["priority"]!["source"]!);
        Assert.Equal("rules", (string)patched["triage"]!["category"]!["source"]!);

        var retriaged = await ReadObjectAsync(await Client.PostAsync($"/api/tickets/{id}/triage/", null));
        Assert.Equal("HIGH", (string)retriaged["priority"]!);
        Assert.Equal("human", (string)retriaged["triage"]!["priority"]!["source"]!);
        Assert.Equal("SOFTWARE", (string)retriaged["category"]!);
    }

    [Fact]
    public async Task Sending_the_value_a_ticket_already_has_changes_nothing_so_a_round_trip_claims_no_choice()
    {
        var created = await PostJsonAsync("/api/tickets/", Ransomware);
        var ticket = await ReadObjectAsync(created);

        var put = await PutJsonAsync($"/api/tickets/{ticket["id"]}/", ticket.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(created.Headers.ETag, put.Headers.ETag);
        Assert.Equal("rules", (string)(await ReadObjectAsync(put))["triage"]!["priority"]!["source"]!);
    }

    [Fact]
    public async Task Triage_again_reads_the_current_words_and_moves_the_version()
    {
        var created = await ReadObjectAsync(await PostJsonAsync("/api/tickets/", """{"title":"Question about my signature","description":"How do I change it? No rush."}"""));
        var id = (long)created["id"]!;
        Assert.Equal("LOW", (string)created["priority"]!);
        await PatchJsonAsync($"/api/tickets/{id}/", """{"title":"Ransomware on the file server","description":"Every share shows encrypted files."}""");
        Factory.Clock.Advance(TimeSpan.FromMinutes(5));

        var response = await Client.PostAsync($"/api/tickets/{id}/triage", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"3\"", response.Headers.ETag!.Tag);
        var ticket = await ReadObjectAsync(response);
        Assert.Equal("URGENT", (string)ticket["priority"]!);
        Assert.Equal("SOFTWARE", (string)ticket["category"]!);
        Assert.Equal((string)ticket["updated"]!, (string)ticket["triage"]!["triaged_at"]!);
        Assert.Equal(ticket.ToJsonString(), (await ReadObjectAsync(await Client.GetAsync($"/api/tickets/{id}/"))).ToJsonString());
    }

    [Theory]
    [InlineData("/api/tickets/424242/triage")]
    [InlineData("/api/tickets/abc/triage/")]
    [InlineData("/api/tickets/0/triage/")]
    public async Task Triage_of_an_unknown_ticket_returns_404(string url)
    {
        var problem = await AssertProblemAsync(await Client.PostAsync(url, null), HttpStatusCode.NotFound);
        Assert.Contains("was not found", (string)problem["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolved_at_follows_every_move_to_resolved_and_closed_at_the_move_to_closed()
    {
        var id = (long)(await CreateTicketAsync())["id"]!;
        Factory.Clock.Set(new DateTimeOffset(2025, 2, 1, 10, 0, 0, TimeSpan.Zero));
        var resolved = await ReadObjectAsync(await PatchJsonAsync($"/api/tickets/{id}/", """{"resolution_status":"RESOLVED"}"""));
        Assert.Equal("2025-02-01T10:00:00.000000Z", (string)resolved["resolved_at"]!);
        Assert.Null(resolved["closed_at"]);

        Factory.Clock.Set(new DateTimeOffset(2025, 2, 2, 10, 0, 0, TimeSpan.Zero));
        var reopened = await ReadObjectAsync(await PatchJsonAsync($"/api/tickets/{id}/", """{"resolution_status":"OPEN"}"""));
        Assert.Equal("2025-02-01T10:00:00.000000Z", (string)reopened["resolved_at"]!);

        Factory.Clock.Set(new DateTimeOffset(2025, 2, 3, 10, 0, 0, TimeSpan.Zero));
        await PatchJsonAsync($"/api/tickets/{id}/", """{"resolution_status":"RESOLVED"}""");
        Factory.Clock.Set(new DateTimeOffset(2025, 2, 4, 10, 0, 0, TimeSpan.Zero));
        var closed = await ReadObjectAsync(await PatchJsonAsync($"/api/tickets/{id}/", """{"resolution_status":"CLOSED"}"""));

        Assert.Equal("2025-02-03T10:00:00.000000Z", (string)closed["resolved_at"]!);
        Assert.Equal("2025-02-04T10:00:00.000000Z", (string)closed["closed_at"]!);
        Assert.Null(closed["first_response_at"]);
    }

    [Fact]
    public async Task Requester_fields_change_on_patch_and_an_empty_string_or_null_clears_them()
    {
        var id = (long)(await CreateTicketAsync())["id"]!;

        var set = await ReadObjectAsync(await PatchJsonAsync($"/api/tickets/{id}/", """{"requester_name":"Sam","requester_email":"sam@example.org"}"""));
        Assert.Equal("Sam", (string)set["requester_name"]!);
        Assert.Equal("sam@example.org", (string)set["requester_email"]!);

        var cleared = await ReadObjectAsync(await PatchJsonAsync($"/api/tickets/{id}/", """{"requester_name":"","requester_email":null}"""));
        Assert.Null(cleared["requester_name"]);
        Assert.Null(cleared["requester_email"]);
    }

    [Fact]
    public async Task A_stage1_put_keeps_the_triaged_and_requester_fields()
    {
        var created = await ReadObjectAsync(await PostJsonAsync("/api/tickets/", """{"title":"Ransomware on the file server","requester_email":"dana@example.com"}"""));

        var put = await ReadObjectAsync(await PutJsonAsync($"/api/tickets/{created["id"]}/",
            """{"title":"Ransomware on the file server (2)","description":"Shares encrypted.","resolution_status":"OPEN"}"""));

        Assert.Equal("Ransomware on the file server (2)", (string)put["title"]!);
        Assert.Equal((string)created["priority"]!, (string)put["priority"]!);
        Assert.Equal((string)created["category"]!, (string)put["category"]!);
        Assert.Equal("dana@example.com", (string)put["requester_email"]!);
        Assert.Equal(created["triage"]!.ToJsonString(), put["triage"]!.ToJsonString());
    }
}

/// <summary>The in-process facade the agent host uses triages on create too, and refuses the same values with the same words.</summary>
public abstract class TicketServiceTriageTests(TicketStoreFixture store) : TicketApiTest(store)
{
    [Fact]
    public async Task The_facade_triages_every_create_and_keeps_a_persons_values()
    {
        using var scope = Factory.Services.CreateScope();
        var service = ActivatorUtilities.CreateInstance<TicketApi.Tickets.TicketService>(scope.ServiceProvider);

        var plain = await service.CreateAsync("Ransomware on the file server", null, CancellationToken.None);
        var chosen = await service.CreateAsync(new TicketApi.Tickets.TicketChanges("Ransomware on the file server", null, null, Priority: "LOW", RequesterEmail: "dana@example.com"), CancellationToken.None);
        var refused = await service.CreateAsync(new TicketApi.Tickets.TicketChanges("x", null, null, RequesterEmail: "dana"), CancellationToken.None);
        var retriaged = await service.TriageAsync(chosen.Value!.Id, CancellationToken.None);
        var missing = await service.TriageAsync(424242, CancellationToken.None);

        Assert.Equal("URGENT", plain.Value!.Priority);
        Assert.Equal("rules", plain.Value.Triage!.Priority.Source);
        Assert.Equal("LOW", chosen.Value.Priority);
        Assert.Equal("human", chosen.Value.Triage!.Priority.Source);
        Assert.Equal("dana@example.com", chosen.Value.RequesterEmail);
        Assert.Equal(422, refused.Problem!.Status);
        Assert.Equal("LOW", retriaged.Value!.Priority);
        Assert.Equal(chosen.Version + 1, retriaged.Version);
        Assert.Equal(404, missing.Problem!.Status);
    }
}

public sealed class TicketServiceTriageOnSqliteTests() : TicketServiceTriageTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class TicketServiceTriageOnPostgresTests(PostgresServer server) : TicketServiceTriageTests(server);

public sealed class TicketFieldsOnSqliteTests() : TicketFieldsTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class TicketFieldsOnPostgresTests(PostgresServer server) : TicketFieldsTests(server);
