using System.Net;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests.TriageFields;

/// <summary>The stage-2 list filters and ordering keys (docs/rest-api.md, "Lists"), with a person's values so the seed is exact.</summary>
public abstract class TriageFilterTests(TicketStoreFixture store) : TicketApiTest(store)
{
    /// <summary>0 LOW ACCOUNT OPEN, 1 URGENT NETWORK OPEN, 2 HIGH NETWORK RESOLVED, 3 NORMAL BILLING OPEN, 4 URGENT EMAIL OPEN; a minute apart.</summary>
    private async Task<long[]> SeedAsync()
    {
        (string Priority, string Category, string Email, string Status)[] rows =
        [
            ("LOW", "ACCOUNT", "ann@example.com", "OPEN"),
            ("URGENT", "NETWORK", "Bob@Example.com", "OPEN"),
            ("HIGH", "NETWORK", "bob@example.com", "RESOLVED"),
            ("NORMAL", "BILLING", "cy@example.com", "OPEN"),
            ("URGENT", "EMAIL", "dee@example.com", "OPEN"),
        ];
        var ids = new List<long>();
        foreach (var row in rows)
        {
            Factory.Clock.Advance(TimeSpan.FromMinutes(1));
            var response = await PostJsonAsync("/api/tickets/",
                $$"""{"title":"Ticket {{ids.Count}}","priority":"{{row.Priority}}","category":"{{row.Category}}","requester_email":"{{row.Email}}"}""");
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            ids.Add((long)(await ReadObjectAsync(response))["id"]!);
            if (row.Status == "RESOLVED")
            {
                await PatchJsonAsync($"/api/tickets/{ids[^1]}/", """{"resolution_status":"RESOLVED"}""");
            }
        }
        return [.. ids];
    }

    [Theory]
    [InlineData("?priority=URGENT", new[] { 4, 1 })]
    [InlineData("?priority__in=HIGH,URGENT", new[] { 4, 2, 1 })]
    [InlineData("?category=NETWORK", new[] { 2, 1 })]
    [InlineData("?category__in=ACCOUNT,BILLING", new[] { 3, 0 })]
    [InlineData("?requester_email=BOB@example.COM", new[] { 2, 1 })]
    [InlineData("?requester_email=nobody@example.com", new int[0])]
    [InlineData("?priority=URGENT&category=EMAIL", new[] { 4 })]
    [InlineData("?resolution_status=OPEN&priority__in=URGENT,HIGH", new[] { 4, 1 })]
    [InlineData("?resolution_status=OPEN&ordering=-priority,created", new[] { 1, 4, 3, 0 })]
    [InlineData("?ordering=priority,-created", new[] { 0, 3, 2, 4, 1 })]
    [InlineData("?ordering=category,created", new[] { 0, 3, 4, 1, 2 })]
    [InlineData("?ordering=-category,created", new[] { 1, 2, 4, 3, 0 })]
    public async Task Each_triage_filter_and_ordering_chooses_and_orders_the_tickets(string query, int[] expectedIndexes)
    {
        var ids = await SeedAsync();

        var page = await GetPageAsync(query);

        Assert.Equal(expectedIndexes.Select(i => ids[i]).ToArray(), Ids(page));
        Assert.Equal(expectedIndexes.Length, (long)page["count"]!);
    }

    [Fact]
    public async Task Sentiment_filters_choose_by_the_triaged_tone()
    {
        await SeedAsync();
        var all = await GetPageAsync("?page_size=100");
        var neutral = all["results"]!.AsArray().Count(t => (string)t!["sentiment"]! == "NEUTRAL");

        Assert.Equal(neutral, (long)(await GetPageAsync("?sentiment=NEUTRAL"))["count"]!);
        Assert.Equal(5 - neutral, (long)(await GetPageAsync("?sentiment__in=NEGATIVE,POSITIVE"))["count"]!);
        Assert.All((await GetPageAsync("?sentiment=NEUTRAL"))["results"]!.AsArray(), t => Assert.Equal("NEUTRAL", (string)t!["sentiment"]!));
    }

    [Theory]
    [InlineData("?priority=urgent", "priority", "Invalid priority 'urgent'. Allowed values are: LOW, NORMAL, HIGH, URGENT.")]
    [InlineData("?priority__in=HIGH,SOON", "priority__in", "'SOON' is not a valid priority: use a comma-separated list of LOW, NORMAL, HIGH, URGENT")]
    [InlineData("?category=PRINTERS", "category", "Invalid category 'PRINTERS'. Allowed values are: ACCOUNT, NETWORK, EMAIL, HARDWARE, SOFTWARE, BILLING, OTHER.")]
    [InlineData("?category__in=NETWORK,", "category__in", "'' is not a valid category")]
    [InlineData("?sentiment=ANGRY", "sentiment", "Invalid sentiment 'ANGRY'. Allowed values are: NEGATIVE, NEUTRAL, POSITIVE.")]
    [InlineData("?sentiment__in=ANGRY", "sentiment__in", "'ANGRY' is not a valid sentiment")]
    [InlineData("?ordering=-sentiment", "ordering", "Cannot order by '-sentiment'. Allowed fields are: created, updated, title, id, resolution_status, priority, category")]
    public async Task A_bad_triage_filter_value_returns_400_naming_the_allowed_values(string query, string parameter, string message)
    {
        var problem = await AssertProblemAsync(await Client.GetAsync("/api/tickets/" + query), HttpStatusCode.BadRequest);

        Assert.Contains(message, FieldErrors(problem, parameter).Single(), StringComparison.Ordinal);
    }
}

public sealed class TriageFilterOnSqliteTests() : TriageFilterTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class TriageFilterOnPostgresTests(PostgresServer server) : TriageFilterTests(server);
