using AgentTickets.Testing;
using TicketApi.Tests.Infrastructure;
using TicketApi.Tests.ModelTriage;
using static TicketApi.Tests.Audit.AuditReading;
using static TicketApi.Tests.ModelTriage.ModelAnswers;

namespace TicketApi.Tests.Audit;

/// <summary>The model's triage settles in the background: the audit trail records it as the system, not as whoever filed the ticket.</summary>
public abstract class ModelTriageAuditTests(TicketStoreFixture store) : ModelTriageTest(store)
{
    [Fact]
    public async Task The_models_answer_is_recorded_as_triaged_by_the_system_through_channel_system()
    {
        var model = await StartModelAsync((_, _) => FakeReply.Completion(Json("HARDWARE", "URGENT", "POSITIVE")));
        using var client = Service(model).CreateClient();
        var id = (long)(await CreateVpnTicketAsync(client))["id"]!;

        await WaitUntilSettledAsync(client, id);

        var rows = await RowsAsync(client, id);
        Assert.Equal(["created", "triaged"], Actions(rows));
        Assert.Equal("local", (string)rows[0]["actor"]!["id"]!);
        Assert.Equal("system", (string)rows[1]["actor"]!["id"]!);
        Assert.Equal("system", (string)rows[1]["channel"]!);
        Assert.Contains(Changes(rows[1]), c => c.StartsWith("category: ", StringComparison.Ordinal) && c.EndsWith(" -> HARDWARE", StringComparison.Ordinal));
    }
}

public sealed class ModelTriageAuditOnSqliteTests() : ModelTriageAuditTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class ModelTriageAuditOnPostgresTests(PostgresServer server) : ModelTriageAuditTests(server);
