using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using TicketApi.Http;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests;

/// <summary>
/// List pages may be answered again as written while the tickets table's revision stands (docs/storage.md,
/// "Fast paths"); on every store, each kind of write shows in the very next page.
/// </summary>
public abstract class ListPageFreshnessTests(TicketStoreFixture store) : TicketApiTest(store)
{
    protected const string Queue = "/api/tickets/?resolution_status=OPEN&ordering=-priority,created";

    [Fact]
    public async Task Every_kind_of_write_shows_in_the_next_page()
    {
        var first = (long)(await CreateTicketAsync("Printer jams"))["id"]!;
        Assert.Equal(["Printer jams"], await TitlesAsync());
        Assert.Equal(["Printer jams"], await TitlesAsync()); // the same page again, unchanged

        var second = (long)(await CreateTicketAsync("VPN down"))["id"]!;
        Assert.Equal(2, (await TitlesAsync()).Length);

        Assert.Equal(HttpStatusCode.OK, (await PatchJsonAsync($"/api/tickets/{first}/", """{"title":"Printer jams daily"}""")).StatusCode);
        Assert.Contains("Printer jams daily", await TitlesAsync());

        Assert.Equal(["VPN down", "Printer jams daily"], await TitlesAsync()); // the triager ranks the VPN outage first
        Assert.Equal(HttpStatusCode.OK, (await PatchJsonAsync($"/api/tickets/{first}/", """{"priority":"URGENT"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PatchJsonAsync($"/api/tickets/{second}/", """{"priority":"LOW"}""")).StatusCode);
        Assert.Equal(["Printer jams daily", "VPN down"], await TitlesAsync());

        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync($"/api/tickets/{second}/triage/", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PatchJsonAsync($"/api/tickets/{second}/", """{"resolution_status":"RESOLVED"}""")).StatusCode);
        Assert.Equal(["Printer jams daily"], await TitlesAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/api/tickets/{first}/")).StatusCode);
        Assert.Empty(await TitlesAsync());
    }

    protected async Task<string[]> TitlesAsync()
    {
        var page = await ReadObjectAsync(await Client.GetAsync(Queue));
        return [.. page["results"]!.AsArray().Select(t => (string)t!["title"]!)];
    }
}

public sealed class ListPageFreshnessOnSqliteTests() : ListPageFreshnessTests(SqliteStore.Instance)
{
    [Fact]
    public async Task A_page_asked_for_again_unchanged_is_answered_from_memory()
    {
        await CreateTicketAsync("Printer jams");
        var cache = Factory.Services.GetRequiredService<TicketPageCache>();

        var first = await Client.GetStringAsync(Queue);
        var revision = await RevisionAsync();

        // Kept per acting person (assignee=me differs between them): here the local admin.
        Assert.True(cache.TryGet(TicketApi.Accounts.Actor.LocalAdminId + " http://localhost" + Queue, revision, out var kept));
        Assert.Equal(first, System.Text.Encoding.UTF8.GetString(kept));
        Assert.Equal(first, await Client.GetStringAsync(Queue));
    }

    [Fact]
    public async Task A_write_by_another_program_on_the_file_shows_in_the_next_page()
    {
        await CreateTicketAsync("Printer jams");
        Assert.Equal(["Printer jams"], await TitlesAsync());

        await using (var connection = new SqliteConnection(Factory.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE tickets SET title = 'Changed behind the service''s back'";
            await command.ExecuteNonQueryAsync();
        }

        Assert.Equal(["Changed behind the service's back"], await TitlesAsync());
    }

    private async Task<long> RevisionAsync()
    {
        await using var connection = new SqliteConnection(Factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT n FROM ticket_revision";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

[Collection(PostgresServerGroup.Name)]
public sealed class ListPageFreshnessOnPostgresTests(PostgresServer server) : ListPageFreshnessTests(server);
