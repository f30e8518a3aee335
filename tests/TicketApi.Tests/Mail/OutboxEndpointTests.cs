using System.Net;
using System.Net.Http.Json;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests.Mail;

/// <summary><c>GET /api/outbox/</c> (docs/mail.md, "The outbox API"): the page envelope, its filters, and 400/404 for what it cannot answer.</summary>
public abstract class OutboxEndpointTests(TicketStoreFixture store) : TicketApiTest(store)
{
    private async Task<long> ResolvedTicketAsync(string title)
    {
        var response = await Client.PostAsJsonAsync("/api/tickets/", new { title, requester_email = "dana@example.com" });
        var id = (long)(await ReadObjectAsync(response))["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await PatchJsonAsync($"/api/tickets/{id}/", """{"resolution_status":"RESOLVED"}""")).StatusCode);
        return id;
    }

    [Fact]
    public async Task The_outbox_is_a_page_newest_first_with_links_and_filters_by_ticket_and_status()
    {
        var first = await ResolvedTicketAsync("First");
        var second = await ResolvedTicketAsync("Second");
        await ResolvedTicketAsync("Third");

        var page = await ReadObjectAsync(await Client.GetAsync("/api/outbox/?page_size=2"));
        var byTicket = await ReadObjectAsync(await Client.GetAsync($"/api/outbox?ticket_id={second}"));
        var queued = await ReadObjectAsync(await Client.GetAsync("/api/outbox/?status=QUEUED"));
        var sent = await ReadObjectAsync(await Client.GetAsync("/api/outbox/?status=SENT"));

        Assert.Equal(3, (long)page["count"]!);
        Assert.Equal("http://localhost/api/outbox/?page=2&page_size=2", (string)page["next"]!);
        Assert.Null(page["previous"]);
        Assert.Equal(["[#" + (first + 2) + "] Third", "[#" + second + "] Second"], page["results"]!.AsArray().Select(m => (string)m!["subject"]!));
        Assert.Equal(second, (long)Assert.Single(byTicket["results"]!.AsArray())!["ticket_id"]!);
        Assert.Equal(3, (long)queued["count"]!);
        Assert.Equal(0, (long)sent["count"]!);
    }

    [Theory]
    [InlineData("?status=DONE", "status", "Invalid status 'DONE'. Allowed values are: QUEUED, SENDING, SENT, FAILED.")]
    [InlineData("?ticket_id=abc", "ticket_id", "'abc' is not a ticket id: use a whole number from 1.")]
    [InlineData("?ticket_id=0", "ticket_id", "'0' is not a ticket id: use a whole number from 1.")]
    [InlineData("?page_size=-1", "page_size", "'-1' is not a page size: use a whole number from 1 to 100.")]
    [InlineData("?kind=reply", "kind", "Unknown query parameter. Allowed parameters are: page, page_size, status, ticket_id.")]
    [InlineData("?status=SENT&status=FAILED", "status", "Given more than once; give it once.")]
    public async Task A_bad_outbox_filter_is_400_naming_it(string query, string field, string error)
    {
        var problem = await AssertProblemAsync(await Client.GetAsync("/api/outbox/" + query), HttpStatusCode.BadRequest);

        Assert.Equal([error], FieldErrors(problem, field));
    }

    [Fact]
    public async Task A_page_past_the_last_is_404()
    {
        await ResolvedTicketAsync("Only");

        var problem = await AssertProblemAsync(await Client.GetAsync("/api/outbox/?page=2"), HttpStatusCode.NotFound);

        Assert.Equal("Invalid page. Page 2 is past the last page of results.", (string)problem["detail"]!);
    }
}

public sealed class OutboxEndpointOnSqliteTests() : OutboxEndpointTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class OutboxEndpointOnPostgresTests(PostgresServer server) : OutboxEndpointTests(server);
