using System.Net;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests;

public abstract class SearchTests(TicketStoreFixture store) : TicketApiTest(store)
{
    [Fact]
    public async Task Search_matches_every_word_in_title_or_description()
    {
        var vpn = (long)(await CreateTicketAsync("VPN drops", "Remote access fails at night"))["id"]!;
        var mail = (long)(await CreateTicketAsync("Email outage", "Remote mail server down"))["id"]!;
        await CreateTicketAsync("Printer", "Jams");

        Assert.Equal([mail, vpn], Ids(await GetPageAsync("?search=remote")));
        Assert.Equal([vpn], Ids(await GetPageAsync("?search=remote%20vpn")));
        Assert.Equal([vpn], Ids(await GetPageAsync("?search=VPN")));
        Assert.Empty(Ids(await GetPageAsync("?search=remote%20printer")));
    }

    [Fact]
    public async Task Search_matches_word_prefixes_and_ignores_accents_and_case()
    {
        var id = (long)(await CreateTicketAsync("Café payment terminal", "Payments declined"))["id"]!;
        Assert.Equal([id], Ids(await GetPageAsync("?search=CAFE")));
        Assert.Equal([id], Ids(await GetPageAsync("?search=pay")));
        Assert.Equal([id], Ids(await GetPageAsync("?search=payment")));
    }

    [Fact]
    public async Task Search_follows_edits_and_deletes()
    {
        var id = (long)(await CreateTicketAsync("Keyboard broken"))["id"]!;
        await PatchJsonAsync($"/api/tickets/{id}/", """{"title":"Mouse broken"}""");
        Assert.Empty(Ids(await GetPageAsync("?search=keyboard")));
        Assert.Equal([id], Ids(await GetPageAsync("?search=mouse")));

        await Client.DeleteAsync($"/api/tickets/{id}/");
        Assert.Empty(Ids(await GetPageAsync("?search=mouse")));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("*")]
    [InlineData("OR")]
    [InlineData("NEAR(")]
    [InlineData("vpn OR")]
    [InlineData("title:vpn")]
    [InlineData("^vpn")]
    [InlineData("'; DROP TABLE tickets; --")]
    [InlineData("\"vpn")]
    [InlineData("-vpn")]
    [InlineData("AND NOT")]
    public async Task Full_text_syntax_in_search_is_only_text(string text)
    {
        await CreateTicketAsync("VPN drops", "title: OR AND NOT NEAR");
        var response = await Client.GetAsync("/api/tickets/?search=" + Uri.EscapeDataString(text));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (long)(await GetPageAsync("?search=vpn"))["count"]!);
    }

    [Fact]
    public async Task Search_of_punctuation_only_finds_nothing_rather_than_everything()
    {
        await CreateTicketAsync("VPN drops");
        Assert.Equal(0, (long)(await GetPageAsync("?search=%21%21%21"))["count"]!);
    }

    [Fact]
    public async Task Search_combines_with_filters_and_ordering()
    {
        var open = (long)(await CreateTicketAsync("Disk full A"))["id"]!;
        var resolved = await CreateTicketInStatusAsync("RESOLVED", "Disk full B");
        Assert.Equal([resolved], Ids(await GetPageAsync("?search=disk&resolution_status=RESOLVED")));
        Assert.Equal([open, resolved], Ids(await GetPageAsync("?search=disk&ordering=title")));
    }

    /// <summary>A rare word (under 2% of tickets) sorts its few matches; a common one walks the index. Both must agree.</summary>
    [Fact]
    public async Task Rare_and_common_words_page_and_count_the_same_way()
    {
        var rare = new List<long>();
        for (var i = 0; i < 120; i++)
        {
            Factory.Clock.Advance(TimeSpan.FromSeconds(1));
            var title = i % 60 == 0 ? $"Zeppelin {i}" : $"Common {i}";
            var id = (long)(await CreateTicketAsync(title, "shared words"))["id"]!;
            if (title.StartsWith("Zeppelin", StringComparison.Ordinal))
            {
                rare.Add(id);
            }
        }

        var rarePage = await GetPageAsync("?search=zeppelin");
        Assert.Equal(2, (long)rarePage["count"]!);
        Assert.Equal(rare.AsEnumerable().Reverse(), Ids(rarePage));
        Assert.Equal(rare, Ids(await GetPageAsync("?search=zeppelin&ordering=created")));

        var common = await GetPageAsync("?search=common&page=6");
        Assert.Equal(118, (long)common["count"]!);
        Assert.Equal(18, Ids(common).Length);
        Assert.Equal(118, Ids(await GetPageAsync("?search=shared%20common&page_size=100"))
            .Concat(Ids(await GetPageAsync("?search=shared%20common&page_size=100&page=2"))).Distinct().Count());
    }

    /// <summary>
    /// Creation times out of step with ids (a clock that jumped back), then every ordering the index
    /// walk serves, page by page, against the order computed here from the whole list.
    /// </summary>
    [Theory]
    [InlineData("-created", 7)]
    [InlineData("created", 7)]
    [InlineData("-updated", 5)]
    [InlineData("updated", 100)]
    public async Task A_common_word_pages_in_exact_order_even_when_times_disagree_with_ids(string ordering, int pageSize)
    {
        var random = new Random(7);
        var start = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 90; i++)
        {
            Factory.Clock.Set(start.AddMinutes(random.Next(0, 10_000)));
            var common = i % 3 != 0;
            var id = (long)(await CreateTicketAsync(common ? $"Outlook crash {i}" : $"Other {i}"))["id"]!;
            if (i % 4 == 0)
            {
                Factory.Clock.Set(start.AddMinutes(random.Next(0, 10_000)));
                await PatchJsonAsync($"/api/tickets/{id}/", """{"description":"touched"}""");
            }
        }

        var all = (await GetPageAsync("?page_size=100"))["results"]!.AsArray().Select(n => n!).ToList();
        var field = ordering.TrimStart('-');
        var descending = ordering.StartsWith('-');
        var matching = all.Where(t => ((string)t["title"]!).StartsWith("Outlook", StringComparison.Ordinal))
            .Select(t => (Id: (long)t["id"]!, Key: DateTime.Parse((string)t[field]!, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        var expected = (descending
                ? matching.OrderByDescending(t => t.Key).ThenByDescending(t => t.Id)
                : matching.OrderBy(t => t.Key).ThenBy(t => t.Id))
            .Select(t => t.Id).ToList();

        var actual = new List<long>();
        for (var page = 1; (page - 1) * pageSize < expected.Count; page++)
        {
            var result = await GetPageAsync($"?search=outlook%20crash&ordering={ordering}&page_size={pageSize}&page={page}");
            Assert.Equal(expected.Count, (long)result["count"]!);
            actual.AddRange(Ids(result));
        }
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Search_with_a_status_filter_counts_only_matching_statuses()
    {
        for (var i = 0; i < 6; i++)
        {
            var id = (long)(await CreateTicketAsync($"Laptop {i}"))["id"]!;
            if (i % 2 == 0)
            {
                await PatchJsonAsync($"/api/tickets/{id}/", """{"resolution_status":"RESOLVED"}""");
            }
        }
        var page = await GetPageAsync("?search=laptop&resolution_status=RESOLVED&ordering=-updated");
        Assert.Equal(3, (long)page["count"]!);
        Assert.All(page["results"]!.AsArray(), t => Assert.Equal("RESOLVED", (string)t!["resolution_status"]!));
        Assert.Equal(3, (long)(await GetPageAsync("?search=laptop&resolution_status__in=OPEN"))["count"]!);
    }

    [Fact]
    public async Task Overlong_search_text_returns_400()
    {
        var problem = await AssertProblemAsync(await Client.GetAsync("/api/tickets/?search=" + new string('a', 501)), HttpStatusCode.BadRequest);
        Assert.NotEmpty(FieldErrors(problem, "search"));
    }
}

public sealed class SearchOnSqliteTests() : SearchTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class SearchOnPostgresTests(PostgresServer server) : SearchTests(server);
