using System.Net;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests;

public abstract class ListFilterTests(TicketStoreFixture store) : TicketApiTest(store)
{
    /// <summary>Four tickets a day apart: 1 OPEN "Email outage", 2 RESOLVED "VPN drops", 3 CLOSED "Printer jam", 4 OPEN "Écran noir".</summary>
    private async Task<long[]> SeedAsync()
    {
        var start = new DateTimeOffset(2025, 1, 1, 9, 0, 0, TimeSpan.Zero);
        var ids = new List<long>();
        (string Title, string Description, string Status)[] rows =
        [
            ("Email outage", "Outbound mail fails since 9am", "OPEN"),
            ("VPN drops", "The VPN disconnects every hour; mail works", "RESOLVED"),
            ("Printer jam", "Floor 3 printer jams on A4 paper", "CLOSED"),
            ("Écran noir", "L'ÉCRAN reste noir après la mise à jour", "OPEN"),
        ];
        for (var i = 0; i < rows.Length; i++)
        {
            Factory.Clock.Set(start.AddDays(i));
            ids.Add(await CreateTicketInStatusAsync(rows[i].Status, rows[i].Title));
            await PatchJsonAsync($"/api/tickets/{ids[^1]}/", $$"""{"description":"{{rows[i].Description}}"}""");
        }
        return [.. ids];
    }

    [Fact]
    public async Task List_returns_the_page_envelope_newest_first()
    {
        var ids = await SeedAsync();
        var page = await GetPageAsync("");
        Assert.Equal(4, (long)page["count"]!);
        Assert.Null(page["next"]);
        Assert.Null(page["previous"]);
        Assert.Equal(ids.Reverse(), Ids(page));
        Assert.Equal(["count", "next", "previous", "results"], page.Select(p => p.Key).ToArray());
    }

    [Fact]
    public async Task List_without_trailing_slash_works_too()
    {
        await SeedAsync();
        var response = await Client.GetAsync("/api/tickets?resolution_status=OPEN");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (long)(await ReadObjectAsync(response))["count"]!);
    }

    [Theory]
    [InlineData("?id={1}", new[] { 1 })]
    [InlineData("?id__in={0},{2}", new[] { 2, 0 })]
    [InlineData("?id__in={0}, {2} ,{3}", new[] { 3, 2, 0 })]
    [InlineData("?title__icontains=EMAIL", new[] { 0 })]
    [InlineData("?title__icontains=%C3%A9cran", new[] { 3 })]
    [InlineData("?title__icontains=%", new int[0])]
    [InlineData("?title__icontains=_", new int[0])]
    [InlineData("?title__icontains=mail%00", new int[0])]
    [InlineData("?description__icontains=MAIL", new[] { 1, 0 })]
    [InlineData("?description__icontains=%C3%A9cran", new[] { 3 })]
    [InlineData("?resolution_status=OPEN", new[] { 3, 0 })]
    [InlineData("?resolution_status=CLOSED", new[] { 2 })]
    [InlineData("?resolution_status__in=RESOLVED,CLOSED", new[] { 2, 1 })]
    [InlineData("?created__gte=2025-01-02", new[] { 3, 2, 1 })]
    [InlineData("?created__gte=2025-01-02T09:00:00Z", new[] { 3, 2, 1 })]
    [InlineData("?created__gte=2025-01-02T09:00:00.000001Z", new[] { 3, 2 })]
    [InlineData("?created__gte=2025-01-02T11:00:00%2B02:00", new[] { 3, 2, 1 })]
    [InlineData("?created__gte=2025-01-02T11:00:00 02:00", new[] { 3, 2, 1 })]
    [InlineData("?created__lte=2025-01-02", new[] { 1, 0 })]
    [InlineData("?created__lte=2025-01-02T08:59:59Z", new[] { 0 })]
    [InlineData("?created__gte=2025-01-02&created__lte=2025-01-03", new[] { 2, 1 })]
    [InlineData("?resolution_status=OPEN&title__icontains=mail", new[] { 0 })]
    [InlineData("?search=mail", new[] { 1, 0 })]
    [InlineData("?search=", new[] { 3, 2, 1, 0 })]
    [InlineData("?title__icontains=", new[] { 3, 2, 1, 0 })]
    public async Task Each_filter_narrows_the_list(string template, int[] expectedIndexes)
    {
        var ids = await SeedAsync();
        var query = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, ids.Cast<object>().ToArray());
        var page = await GetPageAsync(query);
        Assert.Equal(expectedIndexes.Select(i => ids[i]).ToArray(), Ids(page));
        Assert.Equal(expectedIndexes.Length, (long)page["count"]!);
    }

    [Fact]
    public async Task Updated_filters_follow_the_last_change()
    {
        var ids = await SeedAsync();
        Factory.Clock.Set(new DateTimeOffset(2025, 2, 1, 0, 0, 0, TimeSpan.Zero));
        await PatchJsonAsync($"/api/tickets/{ids[0]}/", """{"title":"Email outage (again)"}""");

        Assert.Equal([ids[0]], Ids(await GetPageAsync("?updated__gte=2025-01-15")));
        Assert.Equal([ids[3], ids[2], ids[1]], Ids(await GetPageAsync("?updated__lte=2025-01-15")));
    }

    [Theory]
    [InlineData("?id=abc", "id", "is not a ticket id")]
    [InlineData("?id=1.5", "id", "is not a ticket id")]
    [InlineData("?id__in=1,x", "id__in", "'x' is not a valid ticket id")]
    [InlineData("?id__in=1,,2", "id__in", "is not a valid ticket id")]
    [InlineData("?created__gte=yesterday", "created__gte", "ISO-8601")]
    [InlineData("?created__lte=2025-13-01", "created__lte", "ISO-8601")]
    [InlineData("?updated__gte=01/02/2025", "updated__gte", "ISO-8601")]
    [InlineData("?updated__lte=2025-01-01T25:00:00Z", "updated__lte", "ISO-8601")]
    [InlineData("?resolution_status=DONE", "resolution_status", "Invalid status 'DONE'. Allowed values are: OPEN, RESOLVED, CLOSED.")]
    [InlineData("?resolution_status__in=OPEN,DONE", "resolution_status__in", "'DONE' is not a valid status")]
    [InlineData("?ordering=colour", "ordering", "Allowed fields are: created, updated, title, id, resolution_status, priority, category")]
    [InlineData("?ordering=created,,id", "ordering", "Cannot order by ''")]
    [InlineData("?page=0", "page", "whole number from 1")]
    [InlineData("?page=abc", "page", "whole number from 1")]
    [InlineData("?page_size=0", "page_size", "from 1 to 100")]
    [InlineData("?page_size=-3", "page_size", "from 1 to 100")]
    [InlineData("?status=OPEN", "status", "Unknown query parameter. Allowed parameters are: page, page_size")]
    [InlineData("?resolution_status=OPEN&resolution_status=CLOSED", "resolution_status", "Given more than once")]
    public async Task A_malformed_value_or_unknown_parameter_returns_400_naming_it(string query, string parameter, string message)
    {
        await SeedAsync();
        var problem = await AssertProblemAsync(await Client.GetAsync("/api/tickets/" + query), HttpStatusCode.BadRequest);
        Assert.Contains(message, FieldErrors(problem, parameter).Single());
    }

    [Fact]
    public async Task Every_bad_parameter_is_reported_at_once()
    {
        var problem = await AssertProblemAsync(await Client.GetAsync("/api/tickets/?id=x&page=0&foo=1"), HttpStatusCode.BadRequest);
        Assert.Equal(["foo", "id", "page"], problem["errors"]!.AsObject().Select(p => p.Key).Order().ToArray());
    }

    [Fact]
    public async Task A_long_id_list_is_refused_with_its_limit()
    {
        var problem = await AssertProblemAsync(
            await Client.GetAsync("/api/tickets/?id__in=" + string.Join(',', Enumerable.Range(1, 1001))), HttpStatusCode.BadRequest);
        Assert.Contains("At most 1000", FieldErrors(problem, "id__in").Single());
    }
}

public sealed class ListFilterOnSqliteTests() : ListFilterTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class ListFilterOnPostgresTests(PostgresServer server) : ListFilterTests(server);
