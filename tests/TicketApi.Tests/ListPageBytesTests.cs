using System.Net;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests;

/// <summary>
/// A list page is written by its own writer (docs/storage.md, "Fast paths"); these hold it to the bytes of
/// the serializer, which still writes a single ticket: the page is the envelope around each ticket's GET body.
/// </summary>
public abstract class ListPageBytesTests(TicketStoreFixture store) : TicketApiTest(store)
{
    [Fact]
    public async Task A_page_is_each_tickets_own_json_inside_the_envelope_byte_for_byte()
    {
        await CreateTicketAsync("Printer \"jams\" <again> & 'often' — café 😀", "Line one\nline\ttwo </script>");
        var set = await PostJsonAsync("/api/tickets/",
            """{"title":"VPN down","description":"Cannot connect since 9am!!","priority":"URGENT","requester_name":"Zoë Ångström","requester_email":"zoe@example.com"}""");
        Assert.Equal(HttpStatusCode.Created, set.StatusCode);
        await CreateTicketInStatusAsync("CLOSED", "Closed one");
        await CreateTicketInStatusAsync("RESOLVED", "Resolved one");

        var page = await Client.GetAsync("/api/tickets/?ordering=id&page_size=3");
        var bodies = new List<string>();
        for (var id = 1; id <= 3; id++)
        {
            bodies.Add(await Client.GetStringAsync($"/api/tickets/{id}/"));
        }

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("application/json; charset=utf-8", page.Content.Headers.ContentType?.ToString());
        Assert.Equal(
            $$"""{"count":4,"next":"http://localhost/api/tickets/?page=2&ordering=id&page_size=3","previous":null,"results":[{{string.Join(",", bodies)}}]}""",
            await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_last_page_is_each_tickets_own_json_with_a_previous_link()
    {
        await CreateTicketAsync("First");
        await CreateTicketInStatusAsync("RESOLVED", "Second, resolved");

        var page = await Client.GetStringAsync("/api/tickets/?ordering=id&page_size=1&page=2");
        var body = await Client.GetStringAsync("/api/tickets/2/");

        Assert.Equal($$"""{"count":2,"next":null,"previous":"http://localhost/api/tickets/?ordering=id&page_size=1","results":[{{body}}]}""", page);
    }
}

public sealed class ListPageBytesOnSqliteTests() : ListPageBytesTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class ListPageBytesOnPostgresTests(PostgresServer server) : ListPageBytesTests(server);
