using System.Net;
using System.Net.Http.Headers;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests;

public abstract class ReadTicketTests(TicketStoreFixture store) : TicketApiTest(store)
{
    [Theory]
    [InlineData("/api/tickets/{0}/")]
    [InlineData("/api/tickets/{0}")]
    public async Task Get_returns_the_ticket_with_an_etag_with_or_without_trailing_slash(string template)
    {
        var id = (long)(await CreateTicketAsync())["id"]!;
        var response = await Client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag!.Tag);
        Assert.False(response.Headers.ETag.IsWeak);
        var ticket = await ReadObjectAsync(response);
        Assert.Equal(id, (long)ticket["id"]!);
        Assert.EndsWith("Z", (string)ticket["updated"]!);
    }

    [Theory]
    [InlineData("123")]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("99999999999999999999999")]
    public async Task Get_of_a_missing_or_malformed_id_returns_404_with_the_exact_message(string id)
    {
        var problem = await AssertProblemAsync(await Client.GetAsync($"/api/tickets/{id}/"), HttpStatusCode.NotFound);
        Assert.Equal($"Ticket with id '{id}' was not found.", (string)problem["detail"]!);
    }

    [Fact]
    public async Task Get_with_a_matching_if_none_match_returns_304()
    {
        var id = (long)(await CreateTicketAsync())["id"]!;
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/tickets/{id}/");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"1\""));
        var response = await Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);

        var stale = new HttpRequestMessage(HttpMethod.Get, $"/api/tickets/{id}/");
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"0\""));
        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(stale)).StatusCode);
    }

    [Fact]
    public async Task Unknown_routes_answer_with_problem_details()
    {
        var response = await Client.GetAsync("/api/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Unsupported_methods_answer_405()
    {
        var response = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/api/tickets/"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}

public sealed class ReadTicketOnSqliteTests() : ReadTicketTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class ReadTicketOnPostgresTests(PostgresServer server) : ReadTicketTests(server);
