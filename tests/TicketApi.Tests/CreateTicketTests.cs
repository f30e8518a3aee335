using System.Net;
using System.Net.Http.Json;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests;

public abstract class CreateTicketTests(TicketStoreFixture store) : TicketApiTest(store)
{
    [Fact]
    public async Task Post_creates_an_open_ticket_with_location_etag_and_utc_timestamps()
    {
        var response = await PostJsonAsync("/api/tickets/", """{"title":"Email outage","description":"Outbound mail has been failing since 9am UTC."}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var ticket = await ReadObjectAsync(response);
        var id = (long)ticket["id"]!;
        Assert.Equal($"/api/tickets/{id}/", response.Headers.Location!.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag!.Tag);
        Assert.Equal("Email outage", (string)ticket["title"]!);
        Assert.Equal("Outbound mail has been failing since 9am UTC.", (string)ticket["description"]!);
        Assert.Equal("OPEN", (string)ticket["resolution_status"]!);
        Assert.Equal("2025-01-08T14:15:22.123456Z", (string)ticket["created"]!);
        Assert.Equal((string)ticket["created"]!, (string)ticket["updated"]!);
        // The stage-1 fields first, in their order; the stage-2 fields (docs/triage.md, then docs/accounts.md) follow them.
        Assert.Equal(["id", "title", "description", "created", "updated", "resolution_status",
            "priority", "category", "sentiment", "requester_name", "requester_email", "triage", "first_response_at", "resolved_at", "closed_at",
            "assignee", "rating", "channel"],
            ticket.Select(p => p.Key).ToArray());
    }

    [Fact]
    public async Task Post_without_trailing_slash_works_too()
    {
        var response = await PostJsonAsync("/api/tickets", """{"title":"No slash"}""");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Post_trims_the_title_and_defaults_the_description_to_empty()
    {
        var response = await PostJsonAsync("/api/tickets/", """{"title":"   VPN drops   "}""");
        var ticket = await ReadObjectAsync(response);
        Assert.Equal("VPN drops", (string)ticket["title"]!);
        Assert.Equal("", (string)ticket["description"]!);
    }

    [Fact]
    public async Task Post_ignores_read_only_fields()
    {
        var response = await PostJsonAsync("/api/tickets/",
            """{"id":999,"created":"2000-01-01T00:00:00Z","updated":"2000-01-01T00:00:00Z","title":"Read-only ignored"}""");
        var ticket = await ReadObjectAsync(response);
        Assert.NotEqual(999, (long)ticket["id"]!);
        Assert.Equal("2025-01-08T14:15:22.123456Z", (string)ticket["created"]!);
    }

    [Fact]
    public async Task Post_accepts_open_as_the_initial_status()
    {
        var response = await PostJsonAsync("/api/tickets/", """{"title":"Explicit open","resolution_status":"OPEN"}""");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("RESOLVED")]
    [InlineData("CLOSED")]
    public async Task Post_with_a_status_other_than_open_returns_422(string status)
    {
        var response = await PostJsonAsync("/api/tickets/", $$"""{"title":"Too late","resolution_status":"{{status}}"}""");
        var problem = await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("New tickets start as OPEN", FieldErrors(problem, "resolution_status").Single());
        Assert.Equal(0, (long)(await GetPageAsync(""))["count"]!);
    }

    [Fact]
    public async Task Post_with_unknown_status_returns_422_with_the_exact_message()
    {
        var response = await PostJsonAsync("/api/tickets/", """{"title":"x","resolution_status":"DONE"}""");
        var problem = await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["Invalid status 'DONE'. Allowed values are: OPEN, RESOLVED, CLOSED."], FieldErrors(problem, "resolution_status"));
    }

    [Fact]
    public async Task Post_with_unknown_field_returns_400_naming_it()
    {
        var response = await PostJsonAsync("/api/tickets/", """{"title":"x","colour":"red"}""");
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["Unknown field sent in request body."], FieldErrors(problem, "colour"));
        Assert.Equal(0, (long)(await GetPageAsync(""))["count"]!);
    }

    [Fact]
    public async Task Post_without_title_returns_400_field_required()
    {
        var response = await PostJsonAsync("/api/tickets/", """{"description":"no title"}""");
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["This field is required."], FieldErrors(problem, "title"));
    }

    [Theory]
    [InlineData("""{"title":""}""", "This field may not be blank.")]
    [InlineData("""{"title":"    "}""", "This field may not be blank.")]
    public async Task Post_with_blank_title_returns_422(string body, string message)
    {
        var problem = await AssertProblemAsync(await PostJsonAsync("/api/tickets/", body), HttpStatusCode.UnprocessableEntity);
        Assert.Equal([message], FieldErrors(problem, "title"));
    }

    [Fact]
    public async Task Title_of_255_characters_is_accepted_and_256_is_refused()
    {
        var ok = await Client.PostAsJsonAsync("/api/tickets/", new { title = new string('a', 255) });
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);

        var problem = await AssertProblemAsync(await Client.PostAsJsonAsync("/api/tickets/", new { title = new string('a', 256) }), HttpStatusCode.UnprocessableEntity);
        Assert.StartsWith("Ensure this field has no more than 255 characters", FieldErrors(problem, "title").Single());
    }

    [Fact]
    public async Task Title_length_counts_characters_not_utf16_units()
    {
        var emoji = string.Concat(Enumerable.Repeat("\U0001F600", 255));
        var response = await Client.PostAsJsonAsync("/api/tickets/", new { title = emoji });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Description_of_20000_characters_is_accepted_and_20001_is_refused()
    {
        var ok = await Client.PostAsJsonAsync("/api/tickets/", new { title = "long", description = new string('d', 20_000) });
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);

        var problem = await AssertProblemAsync(
            await Client.PostAsJsonAsync("/api/tickets/", new { title = "long", description = new string('d', 20_001) }),
            HttpStatusCode.UnprocessableEntity);
        Assert.StartsWith("Ensure this field has no more than 20000 characters", FieldErrors(problem, "description").Single());
    }

    [Theory]
    [InlineData("""{"title":123}""", "title", "Expected a string, got a number.")]
    [InlineData("""{"title":null}""", "title", "This field may not be null.")]
    [InlineData("""{"title":"x","description":["a"]}""", "description", "Expected a string, got an array.")]
    [InlineData("""{"title":"x","description":null}""", "description", "This field may not be null.")]
    [InlineData("""{"title":"x","resolution_status":1}""", "resolution_status", "Expected a string, got a number.")]
    [InlineData("""{"title":true}""", "title", "Expected a string, got a boolean.")]
    [InlineData("""{"title":{"a":1}}""", "title", "Expected a string, got an object.")]
    [InlineData("""{"title":"a","title":"b"}""", "title", "Field sent more than once.")]
    public async Task Post_with_wrong_types_returns_400_naming_the_field(string body, string field, string message)
    {
        var problem = await AssertProblemAsync(await PostJsonAsync("/api/tickets/", body), HttpStatusCode.BadRequest);
        Assert.Equal([message], FieldErrors(problem, field));
    }

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("""{"title":"x",}""", "not valid JSON")]
    [InlineData("[1,2]", "must be a JSON object, not an array")]
    [InlineData("\"title\"", "must be a JSON object, not a string")]
    [InlineData("", "The request body is empty")]
    public async Task Post_with_malformed_json_returns_400(string body, string detail)
    {
        var problem = await AssertProblemAsync(await PostJsonAsync("/api/tickets/", body), HttpStatusCode.BadRequest);
        Assert.Contains(detail, (string)problem["detail"]!);
    }

    [Fact]
    public async Task Post_with_invalid_utf8_returns_400()
    {
        var content = new ByteArrayContent([(byte)'{', (byte)'"', (byte)'t', (byte)'i', (byte)'t', (byte)'l', (byte)'e', (byte)'"', (byte)':', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)'}']);
        content.Headers.ContentType = new("application/json");
        var response = await Client.PostAsync("/api/tickets/", content);
        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Post_with_an_unpaired_surrogate_escape_returns_400()
    {
        var problem = await AssertProblemAsync(await PostJsonAsync("/api/tickets/", """{"title":"bad \ud800 text"}"""), HttpStatusCode.BadRequest);
        Assert.NotEmpty(FieldErrors(problem, "title"));
    }

    [Theory]
    [InlineData("title")]
    [InlineData("description")]
    public async Task Post_with_a_nul_character_returns_400_naming_the_field(string field)
    {
        var body = field == "title" ? """{"title":"bad \u0000 text"}""" : """{"title":"ok","description":"bad \u0000 text"}""";
        var problem = await AssertProblemAsync(await PostJsonAsync("/api/tickets/", body), HttpStatusCode.BadRequest);
        Assert.Contains("NUL", FieldErrors(problem, field).Single());
        Assert.Equal(0, (long)(await GetPageAsync(""))["count"]!);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    public async Task Post_with_a_non_json_content_type_returns_415(string contentType)
    {
        var response = await SendJsonAsync(HttpMethod.Post, "/api/tickets/", """{"title":"x"}""", contentType);
        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Post_without_content_type_returns_415()
    {
        var content = new ByteArrayContent("""{"title":"x"}"""u8.ToArray());
        var response = await Client.PostAsync("/api/tickets/", content);
        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Post_with_a_json_suffix_media_type_and_a_bom_is_accepted()
    {
        var content = new ByteArrayContent([.. "\uFEFF"u8.ToArray(), .. """{"title":"bom"}"""u8.ToArray()]);
        content.Headers.ContentType = new("application/merge-patch+json");
        var response = await Client.PostAsync("/api/tickets/", content);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Post_of_a_body_over_one_mebibyte_returns_413()
    {
        var response = await Client.PostAsJsonAsync("/api/tickets/", new { title = "huge", description = new string('x', 1_100_000) });
        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Text_round_trips_exactly_including_control_characters_and_sql()
    {
        const string description = "line1\nline2\t\u0001 '; DROP TABLE tickets; -- \"quoted\" \\ NEAR( * OR";
        var response = await Client.PostAsJsonAsync("/api/tickets/", new { title = "Round trip ✓ Ünïcödé", description });
        var created = await ReadObjectAsync(response);
        var fetched = await ReadObjectAsync(await Client.GetAsync($"/api/tickets/{(long)created["id"]!}/"));
        Assert.Equal(description, (string)fetched["description"]!);
        Assert.Equal("Round trip ✓ Ünïcödé", (string)fetched["title"]!);
    }

    [Fact]
    public async Task Ids_are_never_reused_after_a_delete()
    {
        var first = (long)(await CreateTicketAsync("first"))["id"]!;
        await Client.DeleteAsync($"/api/tickets/{first}/");
        var second = (long)(await CreateTicketAsync("second"))["id"]!;
        Assert.True(second > first);
    }
}

public sealed class CreateTicketOnSqliteTests() : CreateTicketTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class CreateTicketOnPostgresTests(PostgresServer server) : CreateTicketTests(server);
