using System.Net;
using System.Net.Http.Headers;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests;

public abstract class ConcurrencyTests(TicketStoreFixture store) : TicketApiTest(store)
{
    /// <summary>
    /// A RESOLVED ticket, many clients at once: half reopen it, half close it. Whichever lands first
    /// decides; every request of the other kind must then be refused (OPEN cannot go to CLOSED, CLOSED is
    /// final). A read-then-write race would let both kinds succeed.
    /// </summary>
    [Fact]
    public async Task Parallel_transitions_out_of_one_state_let_exactly_one_target_win()
    {
        for (var round = 0; round < 8; round++)
        {
            var id = await CreateTicketInStatusAsync("RESOLVED");
            var targets = Enumerable.Range(0, 24).Select(i => i % 2 == 0 ? "OPEN" : "CLOSED").ToArray();
            using var start = new ManualResetEventSlim();
            var tasks = targets.Select(target => Task.Run(async () =>
            {
                start.Wait();
                var response = await PatchJsonAsync($"/api/tickets/{id}/", $$"""{"resolution_status":"{{target}}"}""");
                return (target, response.StatusCode);
            })).ToArray();
            start.Set();
            var results = await Task.WhenAll(tasks);

            var winners = results.Where(r => r.StatusCode == HttpStatusCode.OK).Select(r => r.target).Distinct().ToArray();
            var final = (string)(await ReadObjectAsync(await Client.GetAsync($"/api/tickets/{id}/")))["resolution_status"]!;
            Assert.Equal([final], winners);
            Assert.All(results.Where(r => r.target != final), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        }
    }

    [Fact]
    public async Task Parallel_edits_with_the_same_if_match_let_exactly_one_through()
    {
        var id = (long)(await CreateTicketAsync())["id"]!;
        using var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            start.Wait();
            var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/tickets/{id}/")
            {
                Content = new StringContent($$"""{"title":"Writer {{i}}"}""", System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
            return (await Client.SendAsync(request)).StatusCode;
        })).ToArray();
        start.Set();
        var codes = await Task.WhenAll(tasks);

        Assert.Single(codes, HttpStatusCode.OK);
        Assert.All(codes.Where(c => c != HttpStatusCode.OK), c => Assert.Equal(HttpStatusCode.PreconditionFailed, c));
        Assert.Equal("\"2\"", (await Client.GetAsync($"/api/tickets/{id}/")).Headers.ETag!.Tag);
    }

    [Fact]
    public async Task Parallel_creates_and_edits_lose_nothing()
    {
        var creates = Enumerable.Range(0, 40).Select(i => PostJsonAsync("/api/tickets/", $$"""{"title":"Parallel {{i}}"}""")).ToArray();
        var responses = await Task.WhenAll(creates);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));

        var page = await GetPageAsync("?page_size=100");
        Assert.Equal(40, (long)page["count"]!);
        Assert.Equal(40, Ids(page).Distinct().Count());
        Assert.Equal(40, (long)(await GetPageAsync("?resolution_status=OPEN"))["count"]!);
    }
}

public sealed class ConcurrencyOnSqliteTests() : ConcurrencyTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class ConcurrencyOnPostgresTests(PostgresServer server) : ConcurrencyTests(server);
