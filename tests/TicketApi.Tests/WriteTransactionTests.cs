using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AgentTickets.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests;

/// <summary>
/// A ticket write is one transaction and nothing more (TicketStore.BeginWriteAsync): no SAVEPOINT and RELEASE around
/// each save, which EF Core adds by default and which cost a create four statements. Read from EF Core's own
/// transaction log, on both stores.
/// </summary>
public abstract class WriteTransactionTests(TicketStoreFixture store) : IDisposable
{
    private const string TransactionLog = "Microsoft.EntityFrameworkCore.Database.Transaction";

    private readonly TicketApiFactory _factory = new(store);
    private readonly LogCapture _logs = new();

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Creating_updating_and_deleting_a_ticket_commit_without_a_savepoint()
    {
        using var host = _factory.WithWebHostBuilder(builder => builder.ConfigureLogging(logging => logging
            .AddProvider(_logs)
            .AddFilter<LogCapture>(TransactionLog, LogLevel.Debug)));
        using var client = host.CreateClient();

        using var created = await client.PostAsJsonAsync("/api/tickets/", new { title = "Printer jams", description = "Floor 3." });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (long)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        using var resolved = await client.PatchAsJsonAsync($"/api/tickets/{id}/", new { resolution_status = "RESOLVED" });
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        using var deleted = await client.DeleteAsync(new Uri($"/api/tickets/{id}/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        var log = _logs.Entries.Where(entry => entry.Category == TransactionLog).Select(entry => entry.Message).ToList();
        // The log is read (each of the three writes committed), and no write made a savepoint.
        Assert.True(log.Count(message => message.StartsWith("Committed transaction", StringComparison.Ordinal)) >= 3, string.Join("\n", log));
        Assert.DoesNotContain(log, message => message.Contains("savepoint", StringComparison.OrdinalIgnoreCase));
    }
}

public sealed class WriteTransactionOnSqliteTests() : WriteTransactionTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class WriteTransactionOnPostgresTests(PostgresServer server) : WriteTransactionTests(server);
