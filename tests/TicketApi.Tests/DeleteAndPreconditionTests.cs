using System.Net;
using System.Net.Http.Headers;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests;

public abstract class DeleteAndPreconditionTests(TicketStoreFixture store) : TicketApiTest(store)
{
    [Fact]
    public async Task Delete_returns_204_and_the_ticket_is_gone()
    {
        var id = (long)(await CreateTicketAsync())["id"]!;
        var response = await Client.DeleteAsync($"/api/tickets/{id}/");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await AssertProblemAsync(await Client.GetAsync($"/api/tickets/{id}/"), HttpStatusCode.NotFound);
        Assert.Equal(0, (long)(await GetPageAsync(""))["count"]!);
    }

    [Fact]
    public async Task Delete_of_a_missing_ticket_returns_404()
    {
        var problem = await AssertProblemAsync(await Client.DeleteAsync("/api/tickets/5/"), HttpStatusCode.NotFound);
        Assert.Equal("Ticket with id '5' was not found.", (string)problem["detail"]!);
    }

    [Theory]
    [InlineData("PATCH")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task A_stale_if_match_returns_412_and_changes_nothing(string method)
    {
        var id = (long)(await CreateTicketAsync("Original"))["id"]!;
        await PatchJsonAsync($"/api/tickets/{id}/", """{"description":"someone else edited"}"""); // ETag now "2"

        var request = new HttpRequestMessage(new HttpMethod(method), $"/api/tickets/{id}/");
        if (method != "DELETE")
        {
            request.Content = new StringContent("""{"title":"Mine","description":"d","resolution_status":"OPEN"}""", System.Text.Encoding.UTF8, "application/json");
        }
        request.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        var problem = await AssertProblemAsync(await Client.SendAsync(request), HttpStatusCode.PreconditionFailed);
        Assert.Equal("\"2\"", (string)problem["current_etag"]!);

        var fetched = await Client.GetAsync($"/api/tickets/{id}/");
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Equal("Original", (string)(await ReadObjectAsync(fetched))["title"]!);
    }

    [Theory]
    [InlineData("\"1\"")]
    [InlineData("*")]
    [InlineData("\"7\", \"1\"")]
    public async Task A_current_if_match_lets_the_edit_through(string ifMatch)
    {
        var id = (long)(await CreateTicketAsync())["id"]!;
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/tickets/{id}/")
        {
            Content = new StringContent("""{"title":"Mine"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        var response = await Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task A_weak_if_match_never_matches()
    {
        var id = (long)(await CreateTicketAsync())["id"]!;
        var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/tickets/{id}/");
        request.Headers.TryAddWithoutValidation("If-Match", "W/\"1\"");
        await AssertProblemAsync(await Client.SendAsync(request), HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task A_malformed_if_match_returns_400()
    {
        var id = (long)(await CreateTicketAsync())["id"]!;
        var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/tickets/{id}/");
        request.Headers.TryAddWithoutValidation("If-Match", "not-an-etag");
        var problem = await AssertProblemAsync(await Client.SendAsync(request), HttpStatusCode.BadRequest);
        Assert.Contains("If-Match", (string)problem["detail"]!);
    }

    [Fact]
    public async Task Etag_changes_with_every_write()
    {
        var id = (long)(await CreateTicketAsync())["id"]!;
        var tags = new List<string>();
        foreach (var body in new[] { """{"title":"a"}""", """{"title":"b"}""", """{"resolution_status":"RESOLVED"}""" })
        {
            tags.Add((await PatchJsonAsync($"/api/tickets/{id}/", body)).Headers.ETag!.Tag);
        }
        Assert.Equal(["\"2\"", "\"3\"", "\"4\""], tags);
        Assert.Equal("\"4\"", (await Client.GetAsync($"/api/tickets/{id}/")).Headers.ETag!.Tag);
    }
}

public sealed class DeleteAndPreconditionOnSqliteTests() : DeleteAndPreconditionTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class DeleteAndPreconditionOnPostgresTests(PostgresServer server) : DeleteAndPreconditionTests(server);
