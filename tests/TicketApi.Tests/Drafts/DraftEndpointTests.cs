using System.Net;
using AgentTickets.Testing;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests.Drafts;

/// <summary>
/// Writing and reading a ticket's draft over REST, fresh and refined, and every refusal of it (docs/drafts.md,
/// "Drafts over REST"); editing, discarding and the history are in <see cref="DraftVersionTests"/>.
/// </summary>
public abstract class DraftEndpointTests(TicketStoreFixture store) : DraftApiTest(store)
{
    [Fact]
    public async Task A_first_draft_is_201_with_location_and_etag_and_reads_back_as_the_current_draft()
    {
        var id = await CreateTicketIdAsync();

        var response = await PostJsonAsync(Draft(id), "{}");
        var created = await ReadObjectAsync(response);
        var read = await Client.GetAsync(Draft(id));
        var current = await ReadObjectAsync(read);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/tickets/{id}/draft", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal(id, (long)created["ticket_id"]!);
        Assert.Equal(1, (long)created["version"]!);
        Assert.Equal("DRAFT", (string)created["status"]!);
        Assert.Equal("Hi Dana,\n\nplease restart the VPN client.", (string)created["reply"]!);
        Assert.Equal("FINAL", (string)created["solution_status"]!);
        Assert.Equal("article", (string)created["sources"]![0]!["type"]!);
        Assert.Empty(created["follow_up_questions"]!.AsArray());
        Assert.Null(created["instruction"]);
        Assert.Null(created["remark"]);
        Assert.False((bool)created["edited"]!);
        Assert.Equal(ScriptedDraftWriter.GeneratedBy, (string)created["generated_by"]!);
        Assert.Equal("2025-01-08T14:15:22.123456Z", (string)created["created"]!);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);
        Assert.Equal(created.ToJsonString(), current.ToJsonString());
    }

    [Fact]
    public async Task Get_of_a_ticket_without_a_draft_is_404_saying_it_has_no_current_draft()
    {
        var id = await CreateTicketIdAsync();

        var problem = await AssertProblemAsync(await Client.GetAsync(Draft(id)), HttpStatusCode.NotFound);

        Assert.Equal($"Ticket {id} has no current draft: ask for one with POST /api/tickets/{id}/draft.", (string)problem["detail"]!);
    }

    [Theory]
    [InlineData("GET", "/api/tickets/424242/draft")]
    [InlineData("POST", "/api/tickets/424242/draft")]
    [InlineData("PUT", "/api/tickets/424242/draft")]
    [InlineData("DELETE", "/api/tickets/424242/draft")]
    [InlineData("POST", "/api/tickets/424242/draft/send")]
    [InlineData("GET", "/api/tickets/424242/drafts/")]
    [InlineData("GET", "/api/tickets/abc/draft")]
    public async Task Every_draft_route_of_a_missing_ticket_is_404_saying_the_ticket_was_not_found(string method, string url)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "POST" or "PUT")
        {
            request.Content = new StringContent("""{"reply":"x","tech_instructions":""}""", System.Text.Encoding.UTF8, "application/json");
        }

        var problem = await AssertProblemAsync(await Client.SendAsync(request), HttpStatusCode.NotFound);

        Assert.EndsWith("was not found.", (string)problem["detail"]!, StringComparison.Ordinal);
        Assert.StartsWith("Ticket with id '", (string)problem["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fresh_draft_over_the_current_one_is_200_and_the_next_version()
    {
        var id = await CreateTicketIdAsync();
        await WriteDraftAsync(id);

        var second = await WriteDraftAsync(id, "{}", HttpStatusCode.OK);
        var history = await GetHistoryAsync(id);

        Assert.Equal(2, (long)second["version"]!);
        Assert.Equal(2, (long)history["count"]!);
        Assert.Equal(2, (long)(await ReadObjectAsync(await Client.GetAsync(Draft(id))))["version"]!);
    }

    [Fact]
    public async Task A_refinement_is_a_new_version_carrying_its_instruction_and_what_could_not_be_applied()
    {
        var id = await CreateTicketIdAsync();
        await WriteDraftAsync(id);

        var refined = await WriteDraftAsync(id, """{"instruction":"  make it shorter, and in Klingon  "}""", HttpStatusCode.OK);

        Assert.Equal(2, (long)refined["version"]!);
        Assert.Equal("make it shorter, and in Klingon", (string)refined["instruction"]!);
        Assert.Equal("Hi Dana,\n\nplease restart the VPN client. [make it shorter, and in Klingon]", (string)refined["reply"]!);
        Assert.Equal("Klingon is not a language this writer knows.", (string)refined["remark"]!);
        Assert.Equal(new string?[] { null, "make it shorter, and in Klingon" }, Writer.Calls.ToArray());
    }

    [Fact]
    public async Task A_refinement_without_a_current_draft_is_409_and_the_writer_is_not_asked()
    {
        var id = await CreateTicketIdAsync();

        var never = await AssertProblemAsync(await PostJsonAsync(Draft(id), """{"instruction":"more formal"}"""), HttpStatusCode.Conflict);
        await WriteDraftAsync(id);
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync(Draft(id))).StatusCode);
        var discarded = await AssertProblemAsync(await PostJsonAsync(Draft(id), """{"instruction":"more formal"}"""), HttpStatusCode.Conflict);

        Assert.Contains("has no current draft to refine", (string)never["detail"]!, StringComparison.Ordinal);
        Assert.Contains("has no current draft to refine", (string)discarded["detail"]!, StringComparison.Ordinal);
        Assert.Equal(new string?[] { null }, Writer.Calls.ToArray());
    }

    [Theory]
    [InlineData("""{"instruction":"   "}""", "application/json", HttpStatusCode.UnprocessableEntity, "instruction")]
    [InlineData("""{"instruction":"TOO_LONG"}""", "application/json", HttpStatusCode.UnprocessableEntity, "instruction")]
    [InlineData("""{"instruction":42}""", "application/json", HttpStatusCode.BadRequest, "instruction")]
    [InlineData("""{"tone":"formal"}""", "application/json", HttpStatusCode.BadRequest, "tone")]
    [InlineData("""{"instruction":"a","instruction":"b"}""", "application/json", HttpStatusCode.BadRequest, "instruction")]
    [InlineData("""{"instruction": """, "application/json", HttpStatusCode.BadRequest, null)]
    [InlineData("""[]""", "application/json", HttpStatusCode.BadRequest, null)]
    [InlineData("""{}""", "text/plain", HttpStatusCode.UnsupportedMediaType, null)]
    public async Task A_bad_draft_request_is_refused_with_a_clear_problem_and_nothing_written(string body, string contentType, HttpStatusCode status, string? field)
    {
        var id = await CreateTicketIdAsync();
        await WriteDraftAsync(id);

        var problem = await AssertProblemAsync(
            await SendJsonAsync(HttpMethod.Post, Draft(id), body.Replace("TOO_LONG", new string('x', 501), StringComparison.Ordinal), contentType), status);

        if (field is not null)
        {
            Assert.NotEmpty(FieldErrors(problem, field));
        }
        Assert.Equal(1, (long)(await GetHistoryAsync(id))["count"]!);
        Assert.Single(Writer.Calls);
    }

    [Fact]
    public async Task A_post_with_no_body_at_all_asks_for_a_fresh_draft()
    {
        var id = await CreateTicketIdAsync();

        var response = await Client.PostAsync(Draft(id), null);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_writer_that_fails_is_503_and_stores_nothing()
    {
        var id = await CreateTicketIdAsync();
        Writer.FailAfterFirstPiece = new HttpRequestException("model endpoint refused the connection");

        var problem = await AssertProblemAsync(await PostJsonAsync(Draft(id), "{}"), HttpStatusCode.ServiceUnavailable);

        Assert.Contains("model endpoint refused the connection", (string)problem["detail"]!, StringComparison.Ordinal);
        Assert.Equal(0, (long)(await GetHistoryAsync(id))["count"]!);
    }
}

public sealed class DraftEndpointOnSqliteTests() : DraftEndpointTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class DraftEndpointOnPostgresTests(PostgresServer server) : DraftEndpointTests(server);
