using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TicketApi.Analytics;
using TicketApi.Data;
using TicketApi.Tests.Infrastructure;
using static TicketApi.Tests.Analytics.AnalyticsFigureTests;

namespace TicketApi.Tests.Analytics;

/// <summary>
/// The counters the sink keeps change by change equal a rebuild from scratch (docs/analytics.md, "Rebuild"), after a
/// mixed sequence of every kind of write, on both stores.
/// </summary>
public abstract class AnalyticsRebuildTests(TicketStoreFixture store) : TicketApiTest(store)
{
    [Fact]
    public async Task Counters_kept_change_by_change_equal_a_rebuild_after_creates_moves_reopens_retriage_deletes_replies_and_ratings()
    {
        var ids = new List<long>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add(await CreateAsync(Client, new { title = $"VPN drops on floor {i}", description = "Angry: nothing works since the update." }));
            Factory.Clock.Advance(TimeSpan.FromHours(7)); // crosses UTC midnights
        }
        await SendAsync(Client, HttpMethod.Post, $"/api/tickets/{ids[0]}/messages/", new { kind = "reply", body = "Looking into it." }, HttpStatusCode.Created);
        await SendAsync(Client, HttpMethod.Patch, $"/api/tickets/{ids[0]}/", new { resolution_status = "RESOLVED" }, HttpStatusCode.OK);
        await SendAsync(Client, HttpMethod.Patch, $"/api/tickets/{ids[1]}/", new { resolution_status = "RESOLVED" }, HttpStatusCode.OK);
        Factory.Clock.Advance(TimeSpan.FromHours(9));
        await SendAsync(Client, HttpMethod.Patch, $"/api/tickets/{ids[1]}/", new { resolution_status = "OPEN" }, HttpStatusCode.OK);
        await SendAsync(Client, HttpMethod.Patch, $"/api/tickets/{ids[2]}/", new { resolution_status = "RESOLVED" }, HttpStatusCode.OK);
        await SendAsync(Client, HttpMethod.Patch, $"/api/tickets/{ids[2]}/", new { resolution_status = "CLOSED" }, HttpStatusCode.OK);
        await SendAsync(Client, HttpMethod.Patch, $"/api/tickets/{ids[3]}/", new { category = "BILLING", priority = "URGENT", title = "Invoice is wrong" }, HttpStatusCode.OK);
        await SendAsync(Client, HttpMethod.Post, $"/api/tickets/{ids[3]}/triage/", null, HttpStatusCode.OK);
        await SendAsync(Client, HttpMethod.Post, "/api/tickets/triage/", null, HttpStatusCode.OK);
        await SendAsync(Client, HttpMethod.Delete, $"/api/tickets/{ids[4]}/", null, HttpStatusCode.NoContent);
        var kept = await CountersAsync();

        await SendAsync(Client, HttpMethod.Post, "/api/analytics/rebuild", null, HttpStatusCode.OK);
        var rebuilt = await CountersAsync();

        Assert.NotEmpty(kept);
        Assert.Equal(kept, rebuilt);
    }

    [Fact]
    public async Task The_first_start_after_the_schema_step_fills_the_counters_from_the_tickets_already_there()
    {
        var id = await CreateAsync(Client, new { title = "Filed before the upgrade" });
        await SendAsync(Client, HttpMethod.Patch, $"/api/tickets/{id}/", new { resolution_status = "RESOLVED" }, HttpStatusCode.OK);
        var kept = await CountersAsync();
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            // As the schema step leaves an upgraded database: tickets, an audit trail, empty counters, built = 0.
            var db = scope.ServiceProvider.GetRequiredService<TicketDbContext>();
            await db.Database.ExecuteSqlRawAsync("DELETE FROM analytics_counts");
            await db.Database.ExecuteSqlRawAsync("UPDATE analytics_state SET built = 0");
        }

        var startup = new AnalyticsStartup(Factory.Services.GetRequiredService<IServiceScopeFactory>(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<AnalyticsStartup>.Instance);
        await startup.StartAsync(CancellationToken.None);

        Assert.Contains("created/", string.Join(" ", kept), StringComparison.Ordinal);
        Assert.Contains(kept, c => c.StartsWith("resolved/", StringComparison.Ordinal));
        Assert.Equal(kept, await CountersAsync());
    }

    [Fact]
    public async Task A_change_staged_outside_a_transaction_is_refused_rather_than_counted_apart_from_it()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketDbContext>();
        var ticket = new TicketEntity { Id = 7, Title = "Loose", Created = DateTime.UtcNow, Updated = DateTime.UtcNow };

        var refused = Assert.Throws<InvalidOperationException>(() => new AnalyticsSink().Stage(db, TicketApi.Audit.TicketDiff.Created(ticket),
            TicketApi.Accounts.Acting.System, DateTime.UtcNow));

        Assert.Contains("outside a transaction", refused.Message, StringComparison.Ordinal);
        Assert.Empty(await CountersAsync());
    }

    /// <summary>Every counter summed over its slots, zeros left out, in one order.</summary>
    private async Task<List<string>> CountersAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketDbContext>();
        var rows = await db.Database.SqlQueryRaw<CounterRow>(
            "SELECT figure AS \"Figure\", day AS \"Day\", key AS \"Key\", CAST(SUM(n) AS bigint) AS \"N\" FROM analytics_counts GROUP BY figure, day, key")
            .ToListAsync();
        return [.. rows.Where(r => r.N != 0).Select(r => $"{r.Figure}/{r.Day}/{r.Key}={r.N}").Order(StringComparer.Ordinal)];
    }
}

public sealed class AnalyticsRebuildOnSqliteTests() : AnalyticsRebuildTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class AnalyticsRebuildOnPostgresTests(PostgresServer server) : AnalyticsRebuildTests(server);
