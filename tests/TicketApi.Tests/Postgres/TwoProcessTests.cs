using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests.Postgres;

/// <summary>
/// Two real ticket-service processes on one PostgreSQL database: nothing in one process's memory (no
/// write gate, no cache) can protect the other's writes, so only the database's conditional writes do.
/// </summary>
[Collection(PostgresServerGroup.Name)]
public sealed class TwoProcessTests(PostgresServer server) : IAsyncLifetime
{
    private readonly string _database = server.CreateEmptyDatabase();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private TicketApiProcess? _first;
    private TicketApiProcess? _second;

    /// <summary>Both start at once on an empty database, so they also race to create the schema.</summary>
    public async Task InitializeAsync()
    {
        var starting = new[] { TicketApiProcess.StartAsync(_database, default), TicketApiProcess.StartAsync(_database, default) };
        try
        {
            await Task.WhenAll(starting);
        }
        finally
        {
            _first = starting[0].IsCompletedSuccessfully ? starting[0].Result : null;
            _second = starting[1].IsCompletedSuccessfully ? starting[1].Result : null;
        }
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        foreach (var process in new[] { _first, _second })
        {
            if (process is not null)
            {
                await process.DisposeAsync();
            }
        }
        server.DropDatabase(_database);
    }

    /// <summary>
    /// A RESOLVED ticket; 24 requests split over both processes, half reopening it and half closing it.
    /// Exactly one transition may be written (the version goes up by one): every request for the other
    /// target is refused with 409, every request for the winning target is 200 (the winner or a no-op).
    /// </summary>
    [Fact]
    public async Task Concurrent_transitions_through_two_processes_have_exactly_one_winner()
    {
        var services = new[] { _first!.Url, _second!.Url };
        for (var round = 0; round < 6; round++)
        {
            var id = await CreateResolvedTicketAsync(services[round % 2]);
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var requests = Enumerable.Range(0, 24).Select(async i =>
            {
                var target = i % 4 < 2 ? "OPEN" : "CLOSED";
                await start.Task;
                using var response = await PatchAsync(services[i % 2], id, $$"""{"resolution_status":"{{target}}"}""");
                return (Target: target, response.StatusCode);
            }).ToArray();
            start.SetResult();
            var results = await Task.WhenAll(requests);

            var ticket = await GetAsync(services[0], id);
            var final = (string)ticket.Body["resolution_status"]!;
            Assert.Equal("\"3\"", ticket.ETag); // created 1, resolved 2, exactly one transition 3
            Assert.All(results, r => Assert.Equal(r.Target == final ? HttpStatusCode.OK : HttpStatusCode.Conflict, r.StatusCode));
            Assert.Equal(final, (string)(await GetAsync(services[1], id)).Body["resolution_status"]!);
        }
    }

    [Fact]
    public async Task Edits_with_the_same_if_match_through_two_processes_let_exactly_one_through()
    {
        var services = new[] { _first!.Url, _second!.Url };
        var id = (long)(await CreateAsync(services[0], "Shared ticket"))["id"]!;
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var requests = Enumerable.Range(0, 20).Select(async i =>
        {
            await start.Task;
            using var response = await PatchAsync(services[i % 2], id, $$"""{"title":"Writer {{i}}"}""", ifMatch: "\"1\"");
            return response.StatusCode;
        }).ToArray();
        start.SetResult();
        var codes = await Task.WhenAll(requests);

        Assert.Single(codes, HttpStatusCode.OK);
        Assert.All(codes.Where(c => c != HttpStatusCode.OK), c => Assert.Equal(HttpStatusCode.PreconditionFailed, c));
        Assert.Equal("\"2\"", (await GetAsync(services[1], id)).ETag);
    }

    [Fact]
    public async Task Tickets_created_through_either_process_are_one_list()
    {
        var services = new[] { _first!.Url, _second!.Url };
        var created = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => CreateAsync(services[i % 2], $"Parallel {i}")));
        Assert.Equal(30, created.Select(t => (long)t["id"]!).Distinct().Count());
        foreach (var service in services)
        {
            using var response = await _http.GetAsync(new Uri(service, "/api/tickets/?search=parallel&page_size=100"));
            var page = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal(30, (long)page["count"]!);
        }
    }

    private async Task<long> CreateResolvedTicketAsync(Uri service)
    {
        var id = (long)(await CreateAsync(service, "Race ticket"))["id"]!;
        using var resolved = await PatchAsync(service, id, """{"resolution_status":"RESOLVED"}""");
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        return id;
    }

    private async Task<JsonObject> CreateAsync(Uri service, string title)
    {
        using var response = await _http.PostAsync(new Uri(service, "/api/tickets/"),
            new StringContent($$"""{"title":"{{title}}"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private Task<HttpResponseMessage> PatchAsync(Uri service, long id, string json, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, new Uri(service, $"/api/tickets/{id}/"))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue(ifMatch));
        }
        return _http.SendAsync(request);
    }

    private async Task<(JsonObject Body, string? ETag)> GetAsync(Uri service, long id)
    {
        using var response = await _http.GetAsync(new Uri(service, $"/api/tickets/{id}/"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject(), response.Headers.ETag?.Tag);
    }
}
