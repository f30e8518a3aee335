using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests.Accounts;

/// <summary>
/// The desk keeps an admin even when two service processes share the database (docs/accounts.md, "Users"): two
/// admins, each demoted through a different process at the same moment, in rounds. The requests act as the loopback
/// admin of local mode, who is no stored person. Each process alone sees two admins and would let its demotion
/// through; only a lock the database holds makes one wait for the other's commit and refuse with 409.
/// </summary>
public abstract class LastAdminAcrossProcessesTests : IAsyncLifetime
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private TicketApiProcess? _first;
    private TicketApiProcess? _second;

    protected abstract string ConnectionString { get; }

    public async Task InitializeAsync()
    {
        _first = await TicketApiProcess.StartAsync(ConnectionString, default);
        _second = await TicketApiProcess.StartAsync(ConnectionString, default);
    }

    public virtual async Task DisposeAsync()
    {
        _http.Dispose();
        foreach (var process in new[] { _first, _second })
        {
            if (process is not null)
            {
                await process.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Two_processes_demoting_the_last_two_admins_at_once_always_leave_one()
    {
        var services = new[] { _first!.Url, _second!.Url };
        var admins = new List<string> { await CreateAdminAsync(services[0], "admin-0@example.com") };
        for (var round = 1; round <= 12; round++)
        {
            admins.Add(await CreateAdminAsync(services[round % 2], $"admin-{round}@example.com"));
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var demotions = admins.Select(async (id, i) =>
            {
                await start.Task;
                using var response = await _http.PutAsJsonAsync(new Uri(services[i], $"/api/users/{id}/role"), new { role = "agent" });
                return (Id: id, response.StatusCode);
            }).ToArray();
            start.SetResult();
            var results = await Task.WhenAll(demotions);

            Assert.Single(results, r => r.StatusCode == HttpStatusCode.OK);
            var refused = Assert.Single(results, r => r.StatusCode == HttpStatusCode.Conflict);
            var remaining = await AdminIdsAsync(services[round % 2]);
            Assert.Equal([refused.Id], remaining);
            admins = [.. remaining];
        }
    }

    private async Task<string> CreateAdminAsync(Uri service, string email)
    {
        using var response = await _http.PostAsJsonAsync(new Uri(service, "/api/users/"), new { email, role = "admin" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    private async Task<string[]> AdminIdsAsync(Uri service)
    {
        var page = (await _http.GetFromJsonAsync<JsonObject>(new Uri(service, "/api/users/?role=admin&page_size=100")))!;
        return [.. page["results"]!.AsArray().Select(user => (string)user!["id"]!)];
    }
}

/// <summary>Two processes on one SQLite file: BEGIN IMMEDIATE takes the file's write lock before the admins are counted.</summary>
public sealed class LastAdminAcrossProcessesOnSqliteTests : LastAdminAcrossProcessesTests, IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("agenttickets-last-admin-");

    protected override string ConnectionString => $"Data Source={Path.Combine(_folder.FullName, "tickets.db")}";

    public void Dispose() => _folder.Delete(recursive: true);
}

/// <summary>Two processes on one PostgreSQL database: an advisory lock held from before the count to the commit.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class LastAdminAcrossProcessesOnPostgresTests(PostgresServer server) : LastAdminAcrossProcessesTests
{
    private readonly string _database = server.CreateEmptyDatabase();

    protected override string ConnectionString => _database;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        server.DropDatabase(_database);
    }
}
