using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AgentTickets.Testing;
using Microsoft.Data.Sqlite;
using Xunit.Sdk;

namespace Deployment.Tests.Durability;

/// <summary>
/// The kill drill's checks, shown to fail on the damage they are there to find: a lost create, a lost
/// status change, a search index missing a row, a damaged file. Without these, a drill that passes
/// could also be a drill that cannot see.
/// </summary>
[Collection(DurabilityTestGroup.Name)]
public sealed class DrillCheckTests : IAsyncLifetime
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("drill-check-");
    private readonly WriteLedger _ledger = new();

    private string Database => Path.Combine(_folder.FullName, "tickets.db");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        _folder.Delete(recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_ledger_check_fails_when_an_acknowledged_ticket_is_gone()
    {
        await using var service = await ServiceProcess.StartTicketApiOnAsync(Database);
        var ids = await CreateAsync(service, 3);
        await LedgerCheck.AssertHoldsAsync(service, _ledger);

        using var http = new HttpClient { BaseAddress = service.Url };
        (await http.DeleteAsync(new Uri($"/api/tickets/{ids[1]}/", UriKind.Relative))).EnsureSuccessStatusCode();

        var failure = await Assert.ThrowsAnyAsync<XunitException>(() => LedgerCheck.AssertHoldsAsync(service, _ledger));
        Assert.Contains($"acknowledged ticket {ids[1]} ", failure.Message);
    }

    [Fact]
    public async Task The_ledger_check_fails_when_an_acknowledged_status_change_is_undone()
    {
        await using var service = await ServiceProcess.StartTicketApiOnAsync(Database);
        var id = (await CreateAsync(service, 1))[0];
        using var http = new HttpClient { BaseAddress = service.Url };
        await PatchAsync(http, id, "RESOLVED");
        _ledger.Acknowledged(id, "RESOLVED");
        await LedgerCheck.AssertHoldsAsync(service, _ledger);

        await PatchAsync(http, id, "OPEN"); // not in the ledger: to the check it is a lost write

        var failure = await Assert.ThrowsAnyAsync<XunitException>(() => LedgerCheck.AssertHoldsAsync(service, _ledger));
        Assert.Contains($"ticket {id} is OPEN; acknowledged RESOLVED", failure.Message);
    }

    [Fact]
    public async Task The_ledger_check_fails_when_the_search_index_misses_a_row()
    {
        long[] ids;
        await using (var service = await ServiceProcess.StartTicketApiOnAsync(Database))
        {
            ids = await CreateAsync(service, 3);
            await service.KillAsync();
        }

        await using (var connection = Open(Database))
        {
            var fts = await ScalarAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%USING fts5%' LIMIT 1");
            await ExecuteAsync(connection, $"DELETE FROM \"{fts}\" WHERE rowid = {ids[0]}");
        }

        await using var restarted = await ServiceProcess.StartTicketApiOnAsync(Database);
        var failure = await Assert.ThrowsAnyAsync<XunitException>(() => LedgerCheck.AssertHoldsAsync(restarted, _ledger));
        Assert.Contains("Expected: 3", failure.Message);
    }

    [Fact]
    public async Task The_file_check_fails_on_a_database_file_with_a_damaged_page()
    {
        await using (var service = await ServiceProcess.StartTicketApiOnAsync(Database))
        {
            await CreateAsync(service, 40);
        }

        await using (var connection = Open(Database))
        {
            // Everything into the main file, so the damage below is not papered over by the log.
            await ExecuteAsync(connection, "PRAGMA wal_checkpoint(TRUNCATE)");
        }

        await SqliteFileCheck.AssertIntactAsync(Database);
        await using (var file = new FileStream(Database, FileMode.Open, FileAccess.ReadWrite))
        {
            // Page 2 onwards (4096-byte pages): a b-tree page overwritten with garbage.
            file.Position = 4096 + 16;
            await file.WriteAsync(Enumerable.Repeat((byte)0x5A, 2048).ToArray());
        }

        // Depending on which page the garbage lands on (the schema's layout decides), integrity_check either
        // lists the damaged tree pages or SQLite refuses the file as malformed (SQLITE_CORRUPT): both fail the check.
        var failure = await Record.ExceptionAsync(() => SqliteFileCheck.AssertIntactAsync(Database));
        Assert.True(
            failure is EqualException equal && Regex.IsMatch(equal.Message, @"(?s)Collections differ.*page \d+") ||
            failure is SqliteException { SqliteErrorCode: 11 },
            $"Expected the file check to report the damaged page, got: {failure?.ToString() ?? "no failure"}");
    }

    private async Task<long[]> CreateAsync(ServiceProcess service, int count)
    {
        using var http = new HttpClient { BaseAddress = service.Url };
        var ids = new List<long>();
        for (var i = 0; i < count; i++)
        {
            var word = _ledger.NewWord();
            using var response = await http.PostAsJsonAsync(
                new Uri("/api/tickets/", UriKind.Relative), new { title = $"Kill drill {word} {DrillLoad.MarkerWord}" });
            response.EnsureSuccessStatusCode();
            var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
            _ledger.Created(id, word);
            ids.Add(id);
        }

        return [.. ids];
    }

    private static async Task PatchAsync(HttpClient http, long id, string status)
    {
        using var response = await http.PatchAsJsonAsync(new Uri($"/api/tickets/{id}/", UriKind.Relative), new { resolution_status = status });
        response.EnsureSuccessStatusCode();
    }

    private static SqliteConnection Open(string database)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static async Task<string> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
