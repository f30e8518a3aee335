using System.Net;
using System.Text.Json.Nodes;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests;

public abstract class UpdateTicketTests(TicketStoreFixture store) : TicketApiTest(store)
{
    [Fact]
    public async Task Put_replaces_every_writable_field_and_moves_updated_only()
    {
        var created = await CreateTicketAsync();
        var id = (long)created["id"]!;
        Factory.Clock.Advance(TimeSpan.FromMinutes(5));

        var response = await PutJsonAsync($"/api/tickets/{id}/", """{"title":"New title","description":"New text","resolution_status":"RESOLVED"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag!.Tag);
        var ticket = await ReadObjectAsync(response);
        Assert.Equal("New title", (string)ticket["title"]!);
        Assert.Equal("New text", (string)ticket["description"]!);
        Assert.Equal("RESOLVED", (string)ticket["resolution_status"]!);
        Assert.Equal((string)created["created"]!, (string)ticket["created"]!);
        Assert.Equal("2025-01-08T14:20:22.123456Z", (string)ticket["updated"]!);
    }

    [Fact]
    public async Task Put_missing_any_writable_field_returns_400_listing_each()
    {
        var id = (long)(await CreateTicketAsync())["id"]!;
        var problem = await AssertProblemAsync(await PutJsonAsync($"/api/tickets/{id}/", """{"title":"only title"}"""), HttpStatusCode.BadRequest);
        Assert.Equal(["This field is required."], FieldErrors(problem, "description"));
        Assert.Equal(["This field is required."], FieldErrors(problem, "resolution_status"));
        Assert.Empty(FieldErrors(problem, "title"));
    }

    [Fact]
    public async Task A_get_edit_put_round_trip_works_because_read_only_fields_are_ignored()
    {
        var id = (long)(await CreateTicketAsync())["id"]!;
        var fetched = await ReadObjectAsync(await Client.GetAsync($"/api/tickets/{id}/"));
        fetched["title"] = "Edited";
        fetched["id"] = 4242;
        fetched["created"] = "1999-01-01T00:00:00Z";

        var response = await PutJsonAsync($"/api/tickets/{id}/", fetched.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ticket = await ReadObjectAsync(response);
        Assert.Equal(id, (long)ticket["id"]!);
        Assert.Equal("Edited", (string)ticket["title"]!);
        Assert.Equal("2025-01-08T14:15:22.123456Z", (string)ticket["created"]!);
    }

    [Fact]
    public async Task Patch_changes_only_the_fields_sent()
    {
        var id = (long)(await CreateTicketAsync("Original", "Keep me"))["id"]!;
        var ticket = await ReadObjectAsync(await PatchJsonAsync($"/api/tickets/{id}/", """{"title":"Renamed"}"""));
        Assert.Equal("Renamed", (string)ticket["title"]!);
        Assert.Equal("Keep me", (string)ticket["description"]!);
        Assert.Equal("OPEN", (string)ticket["resolution_status"]!);
    }

    [Fact]
    public async Task Patch_with_an_empty_object_is_a_no_op_200()
    {
        var created = await CreateTicketAsync();
        Factory.Clock.Advance(TimeSpan.FromHours(1));
        var response = await PatchJsonAsync($"/api/tickets/{(long)created["id"]!}/", "{}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag!.Tag);
        Assert.Equal((string)created["updated"]!, (string)(await ReadObjectAsync(response))["updated"]!);
    }

    [Fact]
    public async Task Patch_with_unknown_status_returns_422()
    {
        var id = (long)(await CreateTicketAsync())["id"]!;
        var problem = await AssertProblemAsync(await PatchJsonAsync($"/api/tickets/{id}/", """{"resolution_status":"DONE"}"""), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["Invalid status 'DONE'. Allowed values are: OPEN, RESOLVED, CLOSED."], FieldErrors(problem, "resolution_status"));
    }

    [Fact]
    public async Task Status_names_are_case_sensitive()
    {
        var id = (long)(await CreateTicketAsync())["id"]!;
        await AssertProblemAsync(await PatchJsonAsync($"/api/tickets/{id}/", """{"resolution_status":"resolved"}"""), HttpStatusCode.UnprocessableEntity);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    public async Task Unknown_body_field_on_update_returns_400_and_changes_nothing(string method)
    {
        var id = (long)(await CreateTicketAsync("Keep"))["id"]!;
        var response = await SendJsonAsync(new HttpMethod(method), $"/api/tickets/{id}/",
            """{"title":"Changed","description":"d","resolution_status":"OPEN","owner":"bob"}""");
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["Unknown field sent in request body."], FieldErrors(problem, "owner"));
        Assert.Equal("Keep", (string)(await ReadObjectAsync(await Client.GetAsync($"/api/tickets/{id}/")))["title"]!);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    public async Task Update_of_a_missing_ticket_returns_404(string method)
    {
        var problem = await AssertProblemAsync(
            await SendJsonAsync(new HttpMethod(method), "/api/tickets/77/", """{"title":"x","description":"","resolution_status":"OPEN"}"""),
            HttpStatusCode.NotFound);
        Assert.Equal("Ticket with id '77' was not found.", (string)problem["detail"]!);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    public async Task Update_with_a_non_json_body_returns_415(string method)
    {
        var id = (long)(await CreateTicketAsync())["id"]!;
        await AssertProblemAsync(await SendJsonAsync(new HttpMethod(method), $"/api/tickets/{id}/", "title=x", "application/x-www-form-urlencoded"),
            HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("PUT", "{not json")]
    [InlineData("PATCH", "{not json")]
    [InlineData("PATCH", """{"title":5}""")]
    [InlineData("PATCH", "null")]
    public async Task Update_with_malformed_json_or_wrong_types_returns_400(string method, string body)
    {
        var id = (long)(await CreateTicketAsync())["id"]!;
        await AssertProblemAsync(await SendJsonAsync(new HttpMethod(method), $"/api/tickets/{id}/", body), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Patch_with_blank_title_returns_422()
    {
        var id = (long)(await CreateTicketAsync())["id"]!;
        var problem = await AssertProblemAsync(await PatchJsonAsync($"/api/tickets/{id}/", """{"title":" "}"""), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["This field may not be blank."], FieldErrors(problem, "title"));
    }

    [Fact]
    public async Task Updated_timestamps_keep_microseconds_and_z()
    {
        var id = (long)(await CreateTicketAsync())["id"]!;
        Factory.Clock.Advance(TimeSpan.FromTicks(17)); // 1.7 microseconds: stored and shown as 1
        var ticket = await ReadObjectAsync(await PatchJsonAsync($"/api/tickets/{id}/", """{"title":"tick"}"""));
        Assert.Equal("2025-01-08T14:15:22.123457Z", (string)ticket["updated"]!);
        var fetched = await ReadObjectAsync(await Client.GetAsync($"/api/tickets/{id}/"));
        Assert.Equal((string)ticket["updated"]!, (string)fetched["updated"]!);
        _ = JsonNode.Parse(fetched.ToJsonString());
    }
}

public sealed class UpdateTicketOnSqliteTests() : UpdateTicketTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class UpdateTicketOnPostgresTests(PostgresServer server) : UpdateTicketTests(server);
