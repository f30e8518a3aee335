using System.Net;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests;

public abstract class StatusTransitionTests(TicketStoreFixture store) : TicketApiTest(store)
{
    [Theory]
    [InlineData("OPEN", "RESOLVED")]
    [InlineData("RESOLVED", "OPEN")]
    [InlineData("RESOLVED", "CLOSED")]
    public async Task Allowed_transition_succeeds(string from, string to)
    {
        var id = await CreateTicketInStatusAsync(from);
        var response = await PatchJsonAsync($"/api/tickets/{id}/", $$"""{"resolution_status":"{{to}}"}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(to, (string)(await ReadObjectAsync(response))["resolution_status"]!);
    }

    [Theory]
    [InlineData("OPEN", "CLOSED", new[] { "RESOLVED" })]
    [InlineData("CLOSED", "OPEN", new string[0])]
    [InlineData("CLOSED", "RESOLVED", new string[0])]
    public async Task Refused_transition_returns_409_naming_from_to_and_allowed_targets(string from, string to, string[] allowed)
    {
        var id = await CreateTicketInStatusAsync(from);
        var problem = await AssertProblemAsync(await PatchJsonAsync($"/api/tickets/{id}/", $$"""{"resolution_status":"{{to}}"}"""), HttpStatusCode.Conflict);

        var detail = (string)problem["detail"]!;
        Assert.Contains($"from {from} to {to}", detail);
        Assert.Equal(allowed, problem["allowed_transitions"]!.AsArray().Select(a => (string)a!).ToArray());
        Assert.Equal(from, (string)problem["current_status"]!);
        Assert.Equal(to, (string)problem["requested_status"]!);
        if (allowed.Length == 0)
        {
            Assert.Contains("CLOSED is final", detail);
        }
        var fetched = await ReadObjectAsync(await Client.GetAsync($"/api/tickets/{id}/"));
        Assert.Equal(from, (string)fetched["resolution_status"]!);
    }

    [Theory]
    [InlineData("OPEN")]
    [InlineData("RESOLVED")]
    [InlineData("CLOSED")]
    public async Task Setting_the_current_status_again_is_a_no_op_200(string status)
    {
        var id = await CreateTicketInStatusAsync(status);
        var before = await Client.GetAsync($"/api/tickets/{id}/");
        var response = await PatchJsonAsync($"/api/tickets/{id}/", $$"""{"resolution_status":"{{status}}"}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before.Headers.ETag, response.Headers.ETag);
    }

    [Fact]
    public async Task Put_enforces_the_lifecycle_too()
    {
        var id = await CreateTicketInStatusAsync("OPEN");
        var problem = await AssertProblemAsync(
            await PutJsonAsync($"/api/tickets/{id}/", """{"title":"t","description":"d","resolution_status":"CLOSED"}"""), HttpStatusCode.Conflict);
        Assert.Equal(["RESOLVED"], problem["allowed_transitions"]!.AsArray().Select(a => (string)a!).ToArray());
        Assert.Equal("Lifecycle ticket", (string)(await ReadObjectAsync(await Client.GetAsync($"/api/tickets/{id}/")))["title"]!);
    }

    [Fact]
    public async Task A_closed_ticket_can_still_be_renamed_but_not_reopened()
    {
        var id = await CreateTicketInStatusAsync("CLOSED");
        Assert.Equal(HttpStatusCode.OK, (await PatchJsonAsync($"/api/tickets/{id}/", """{"title":"Archived note"}""")).StatusCode);
        await AssertProblemAsync(await PatchJsonAsync($"/api/tickets/{id}/", """{"resolution_status":"OPEN"}"""), HttpStatusCode.Conflict);
    }
}

public sealed class StatusTransitionOnSqliteTests() : StatusTransitionTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class StatusTransitionOnPostgresTests(PostgresServer server) : StatusTransitionTests(server);
