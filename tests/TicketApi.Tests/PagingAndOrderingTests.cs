using System.Net;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests;

public abstract class PagingAndOrderingTests(TicketStoreFixture store) : TicketApiTest(store)
{
    private async Task<long[]> SeedAsync(int count)
    {
        var ids = new List<long>();
        for (var i = 0; i < count; i++)
        {
            Factory.Clock.Advance(TimeSpan.FromMinutes(1));
            ids.Add((long)(await CreateTicketAsync($"Ticket {i:D2}"))["id"]!);
        }
        return [.. ids];
    }

    [Fact]
    public async Task Pages_default_to_twenty_with_absolute_next_and_previous_links()
    {
        var ids = await SeedAsync(45);

        var first = await GetPageAsync("");
        Assert.Equal(45, (long)first["count"]!);
        Assert.Equal(20, Ids(first).Length);
        Assert.Equal("http://localhost/api/tickets/?page=2", (string)first["next"]!);
        Assert.Null(first["previous"]);

        var second = await GetPageAsync("?page=2");
        Assert.Equal("http://localhost/api/tickets/?page=3", (string)second["next"]!);
        Assert.Equal("http://localhost/api/tickets/", (string)second["previous"]!);

        var third = await GetPageAsync("?page=3");
        Assert.Equal(5, Ids(third).Length);
        Assert.Null(third["next"]);
        Assert.Equal("http://localhost/api/tickets/?page=2", (string)third["previous"]!);

        var all = Ids(first).Concat(Ids(second)).Concat(Ids(third)).ToArray();
        Assert.Equal(ids.Reverse(), all);
    }

    [Fact]
    public async Task Links_keep_every_other_parameter()
    {
        await SeedAsync(5);
        var page = await GetPageAsync("?resolution_status=OPEN&page_size=2&page=2&ordering=title");
        Assert.Equal("http://localhost/api/tickets/?resolution_status=OPEN&page_size=2&page=3&ordering=title", (string)page["next"]!);
        Assert.Equal("http://localhost/api/tickets/?resolution_status=OPEN&page_size=2&ordering=title", (string)page["previous"]!);
    }

    [Fact]
    public async Task Page_size_is_capped_at_one_hundred()
    {
        await SeedAsync(3);
        var page = await GetPageAsync("?page_size=1000");
        Assert.Equal(3, Ids(page).Length);
        Assert.Null(page["next"]);
    }

    [Fact]
    public async Task A_page_past_the_end_returns_404_but_page_one_of_nothing_is_empty()
    {
        await AssertEmptyFirstPage();
        await SeedAsync(3);
        var problem = await AssertProblemAsync(await Client.GetAsync("/api/tickets/?page=2"), HttpStatusCode.NotFound);
        Assert.StartsWith("Invalid page.", (string)problem["detail"]!);

        async Task AssertEmptyFirstPage()
        {
            var empty = await GetPageAsync("?page=1");
            Assert.Equal(0, (long)empty["count"]!);
            Assert.Empty(Ids(empty));
        }
    }

    [Fact]
    public async Task Ordering_by_title_ascending_and_descending()
    {
        var ids = await SeedAsync(3);
        await PatchJsonAsync($"/api/tickets/{ids[0]}/", """{"title":"banana"}""");
        await PatchJsonAsync($"/api/tickets/{ids[1]}/", """{"title":"Apple"}""");
        await PatchJsonAsync($"/api/tickets/{ids[2]}/", """{"title":"cherry"}""");

        Assert.Equal([ids[1], ids[0], ids[2]], Ids(await GetPageAsync("?ordering=title")));
        Assert.Equal([ids[2], ids[0], ids[1]], Ids(await GetPageAsync("?ordering=-title")));
    }

    [Fact]
    public async Task Ordering_by_several_fields_and_by_id()
    {
        var ids = await SeedAsync(4);
        await PatchJsonAsync($"/api/tickets/{ids[1]}/", """{"resolution_status":"RESOLVED"}""");
        await PatchJsonAsync($"/api/tickets/{ids[3]}/", """{"resolution_status":"RESOLVED"}""");

        Assert.Equal(ids, Ids(await GetPageAsync("?ordering=id")));
        Assert.Equal(ids.Reverse(), Ids(await GetPageAsync("?ordering=-id")));
        Assert.Equal([ids[0], ids[2], ids[1], ids[3]], Ids(await GetPageAsync("?ordering=resolution_status,created")));
        Assert.Equal([ids[3], ids[1], ids[2], ids[0]], Ids(await GetPageAsync("?ordering=-resolution_status,-created")));
    }

    [Fact]
    public async Task Ordering_by_updated_follows_the_latest_edit()
    {
        var ids = await SeedAsync(3);
        Factory.Clock.Advance(TimeSpan.FromHours(1));
        await PatchJsonAsync($"/api/tickets/{ids[0]}/", """{"title":"touched"}""");
        Assert.Equal([ids[0], ids[2], ids[1]], Ids(await GetPageAsync("?ordering=-updated")));
        Assert.Equal([ids[1], ids[2], ids[0]], Ids(await GetPageAsync("?ordering=updated")));
    }

    [Fact]
    public async Task Ties_are_broken_by_id_so_pages_never_repeat_a_ticket()
    {
        for (var i = 0; i < 7; i++)
        {
            await CreateTicketAsync("same time");
        }
        var seen = new List<long>();
        for (var page = 1; page <= 4; page++)
        {
            seen.AddRange(Ids(await GetPageAsync($"?page_size=2&page={page}&ordering=created")));
        }
        Assert.Equal(7, seen.Distinct().Count());
    }
}

public sealed class PagingAndOrderingOnSqliteTests() : PagingAndOrderingTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class PagingAndOrderingOnPostgresTests(PostgresServer server) : PagingAndOrderingTests(server);
