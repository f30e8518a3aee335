using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TicketApi.Accounts;
using TicketApi.Audit;
using TicketApi.Data;
using TicketApi.Events;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests.Audit;

/// <summary>
/// The journal's rows and the change are one transaction (docs/accounts.md, "Audit"): when recording fails after
/// the audit row and the event were staged, the change itself does not happen and neither row is left behind.
/// </summary>
public abstract class JournalAtomicityTests(TicketStoreFixture store)
    : TicketApiTest(store, services => services.AddSingleton<ITicketChangeSink>(Failing))
{
    private static readonly FailingSink Failing = new();

    /// <summary>Registered after the audit and event sinks, so it runs once they have added their rows.</summary>
    private sealed class FailingSink : ITicketChangeSink
    {
        public void Stage(TicketDbContext db, TicketChange change, Acting acting, DateTime at)
        {
            if (change.Fields.Any(f => f.New == "Break the journal"))
            {
                db.Add(new TicketEvent { Type = "x", Data = "{}", At = at, TicketId = 0 });
                throw new InvalidOperationException("The journal is broken.");
            }
        }
    }

    [Fact]
    public async Task A_patch_whose_journal_fails_changes_nothing_and_leaves_no_audit_row_or_event()
    {
        var id = (long)(await CreateTicketAsync("Printer jam"))["id"]!;
        var (audit, events) = await CountRowsAsync();

        var response = await PatchJsonAsync($"/api/tickets/{id}/", """{"title":"Break the journal"}""");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);

        var ticket = await ReadObjectAsync(await Client.GetAsync(new Uri($"/api/tickets/{id}/", UriKind.Relative)));
        Assert.Equal("Printer jam", (string)ticket["title"]!);
        Assert.Equal((audit, events), await CountRowsAsync());
    }

    [Fact]
    public async Task A_create_whose_journal_fails_stores_no_ticket_and_no_audit_row_or_event()
    {
        var (audit, events) = await CountRowsAsync();

        var response = await PostJsonAsync("/api/tickets/", """{"title":"Break the journal"}""");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);

        var page = await GetPageAsync("");
        Assert.Equal(0, (long)page["count"]!);
        Assert.Equal((audit, events), await CountRowsAsync());
    }

    private async Task<(int Audit, int Events)> CountRowsAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketDbContext>();
        return (await db.Set<AuditEntry>().CountAsync(), await db.Set<TicketEvent>().CountAsync());
    }
}

public sealed class JournalAtomicityOnSqliteTests() : JournalAtomicityTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class JournalAtomicityOnPostgresTests(PostgresServer server) : JournalAtomicityTests(server);
