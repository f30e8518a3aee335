using System.Net;
using TicketApi.Tests.Infrastructure;
using static TicketApi.Tests.ModelTriage.ModelAnswers;

namespace TicketApi.Tests.ModelTriage;

/// <summary>
/// The model's answer written back to the ticket (docs/triage.md, "Triage by a model"), on each store: the
/// create answers at once with the rules' values as <c>pending</c>, the worker then writes the model's values
/// as <c>done</c> with source <c>model</c>, and a value a person set is never overwritten.
/// </summary>
public abstract class ModelTriageWriteBackTests(TicketStoreFixture store) : ModelTriageTest(store)
{
    [Fact]
    public async Task Create_answers_pending_with_the_rules_values_and_the_model_values_follow_as_done()
    {
        var model = await StartModelAsync((_, _) => HardwareUrgentPositive());
        using var client = Service(model).CreateClient();

        var created = await CreateVpnTicketAsync(client);
        Assert.Equal("pending", Status(created));
        Assert.Equal("NETWORK", (string)created["category"]!);
        Assert.Equal("rules", Source(created, "category"));

        var id = (long)created["id"]!;
        var settled = await WaitUntilSettledAsync(client, id);
        Assert.Equal("done", Status(settled));
        Assert.Equal(("HARDWARE", "URGENT", "POSITIVE"), ((string)settled["category"]!, (string)settled["priority"]!, (string)settled["sentiment"]!));
        foreach (var field in new[] { "category", "priority", "sentiment" })
        {
            Assert.Equal("model", Source(settled, field));
            Assert.Equal(0.9, (double)TriageOf(settled)[field]!["confidence"]!);
        }
        Assert.Equal("model says URGENT", (string)TriageOf(settled)["priority"]!["reason"]!);
        // The columns moved with the record: filters see the model's values.
        var filtered = await client.GetStringAsync("/api/tickets/?category=HARDWARE&priority=URGENT&sentiment=POSITIVE");
        Assert.Contains($"\"id\":{id},", filtered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_priority_a_person_set_on_create_is_kept_when_the_model_answers()
    {
        var model = await StartModelAsync((_, _) => HardwareUrgentPositive());
        using var client = Service(model).CreateClient();

        var created = await CreateAsync(client, new { title = "VPN keeps dropping", description = "Drops every ten minutes.", priority = "LOW" });
        var settled = await WaitUntilSettledAsync(client, (long)created["id"]!);

        Assert.Equal("done", Status(settled));
        Assert.Equal("LOW", (string)settled["priority"]!);
        Assert.Equal("human", Source(settled, "priority"));
        Assert.Equal("HARDWARE", (string)settled["category"]!);
        Assert.Equal("model", Source(settled, "category"));
    }

    [Fact]
    public async Task A_priority_a_person_sets_while_the_model_works_is_not_overwritten()
    {
        var asked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var model = await StartModelAsync((_, _) =>
        {
            asked.TrySetResult();
            return HardwareUrgentPositive() with { Gate = release.Task };
        });
        using var client = Service(model).CreateClient();

        var id = (long)(await CreateVpnTicketAsync(client))["id"]!;
        await asked.Task.WaitAsync(TimeSpan.FromSeconds(20)); // the model holds the ticket's words now
        var patch = await PatchAsync(client, id, """{"priority":"LOW"}""");
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        release.SetResult();
        var settled = await WaitUntilSettledAsync(client, id);

        Assert.Equal("done", Status(settled));
        Assert.Equal("LOW", (string)settled["priority"]!);
        Assert.Equal("human", Source(settled, "priority"));
        Assert.Equal("HARDWARE", (string)settled["category"]!);
        Assert.Equal("POSITIVE", (string)settled["sentiment"]!);
    }
}

public sealed class ModelTriageWriteBackOnSqliteTests() : ModelTriageWriteBackTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class ModelTriageWriteBackOnPostgresTests(PostgresServer server) : ModelTriageWriteBackTests(server);
