using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AgentTickets.Testing;
using TicketApi.Tests.Infrastructure;
using static TicketApi.Tests.ModelTriage.ModelAnswers;

namespace TicketApi.Tests.ModelTriage;

/// <summary>When the model is asked (docs/triage.md, "Triage by a model"): off the request path, again on POST /triage, again after a stop.</summary>
public sealed class ModelTriageQueueingTests() : ModelTriageTest(SqliteStore.Instance)
{
    [Fact]
    public async Task A_slow_model_does_not_hold_up_creates()
    {
        var asked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var model = await StartModelAsync((_, _) =>
        {
            asked.TrySetResult();
            return HardwareUrgentPositive() with { Gate = release.Task };
        });
        using var client = Service(model).CreateClient();

        var first = (long)(await CreateVpnTicketAsync(client))["id"]!;
        await asked.Task.WaitAsync(TimeSpan.FromSeconds(20));
        // The model is now holding the first ticket and will not answer until released: creates still complete.
        var second = (long)(await CreateVpnTicketAsync(client))["id"]!;
        var third = (long)(await CreateVpnTicketAsync(client))["id"]!;
        Assert.False(release.Task.IsCompleted);
        Assert.Equal("pending", Status(await GetAsync(client, first)));

        release.SetResult();
        foreach (var id in new[] { first, second, third })
        {
            Assert.Equal("done", Status(await WaitUntilSettledAsync(client, id)));
        }
    }

    [Fact]
    public async Task Tickets_that_do_not_fit_in_a_full_inbox_are_triaged_once_it_drains()
    {
        var asked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var model = await StartModelAsync((_, _) =>
        {
            asked.TrySetResult();
            return HardwareUrgentPositive() with { Gate = release.Task };
        });
        using var client = Service(model, queueCapacity: 1).CreateClient();

        var ids = new List<long> { (long)(await CreateVpnTicketAsync(client))["id"]! };
        await asked.Task.WaitAsync(TimeSpan.FromSeconds(20)); // the worker holds the first; one more fits, the rest overflow
        for (var i = 0; i < 4; i++)
        {
            ids.Add((long)(await CreateVpnTicketAsync(client))["id"]!);
        }
        release.SetResult();

        foreach (var id in ids)
        {
            Assert.Equal("done", Status(await WaitUntilSettledAsync(client, id)));
        }
        Assert.Equal(ids.Count, model.Requests.Count); // each asked once, none twice
    }

    [Fact]
    public async Task Post_triage_with_a_model_answers_pending_and_asks_the_model_again()
    {
        var model = await StartModelAsync((index, _) => FakeReply.Completion(index == 0
            ? Json("HARDWARE", "URGENT", "POSITIVE")
            : Json("SOFTWARE", "LOW", "NEGATIVE")));
        using var client = Service(model).CreateClient();
        var id = (long)(await CreateVpnTicketAsync(client))["id"]!;
        Assert.Equal("HARDWARE", (string)(await WaitUntilSettledAsync(client, id))["category"]!);

        var response = await client.PostAsync($"/api/tickets/{id}/triage/", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var retriaged = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal("pending", Status(retriaged));
        Assert.Equal("rules", Source(retriaged, "category"));

        var settled = await WaitUntilSettledAsync(client, id);
        Assert.Equal(("SOFTWARE", "done"), ((string)settled["category"]!, Status(settled)));
        Assert.Equal(2, model.Requests.Count);
    }

    [Fact]
    public async Task Tickets_left_pending_by_a_stop_are_triaged_on_the_next_start()
    {
        var asked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var never = new TaskCompletionSource();
        var stuck = await StartModelAsync((_, _) =>
        {
            asked.TrySetResult();
            return HardwareUrgentPositive() with { Gate = never.Task };
        });
        var database = SharedDatabase();
        var first = Service(stuck, database);
        long inHand, waiting;
        using (var client = first.CreateClient())
        {
            inHand = (long)(await CreateVpnTicketAsync(client))["id"]!;
            waiting = (long)(await CreateVpnTicketAsync(client))["id"]!;
            await asked.Task.WaitAsync(TimeSpan.FromSeconds(20));
        }
        first.Dispose(); // a graceful stop while the model holds the first ticket and the second waits in the queue

        var answering = await StartModelAsync((_, _) => HardwareUrgentPositive());
        using var restarted = Service(answering, database).CreateClient();
        foreach (var id in new[] { inHand, waiting })
        {
            var settled = await WaitUntilSettledAsync(restarted, id);
            Assert.Equal("done", Status(settled));
            Assert.Equal("HARDWARE", (string)settled["category"]!);
        }
        Assert.DoesNotContain(first.Logs.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning
            && e.Category.StartsWith("TicketApi", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_stage1_client_sees_a_normal_ticket()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var model = await StartModelAsync((_, _) => HardwareUrgentPositive() with { Gate = release.Task });
        using var client = Service(model).CreateClient();

        var response = await client.PostAsJsonAsync("/api/tickets/", new { title = "Email outage", description = "Outbound mail is failing." });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.NotNull(response.Headers.Location);
        var created = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal("Email outage", (string)created["title"]!);
        Assert.Equal("Outbound mail is failing.", (string)created["description"]!);
        Assert.Equal("OPEN", (string)created["resolution_status"]!);
        var id = (long)created["id"]!;

        // Its own fields round-trip while the model works, and after.
        var put = await client.PutAsJsonAsync($"/api/tickets/{id}/", new { title = "Email outage (EU)", description = "Outbound mail is failing.", resolution_status = "RESOLVED" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        release.SetResult();
        var settled = await WaitUntilSettledAsync(client, id);
        Assert.Equal("Email outage (EU)", (string)settled["title"]!);
        Assert.Equal("RESOLVED", (string)settled["resolution_status"]!);
        Assert.Equal("done", Status(settled));
    }

    [Fact]
    public async Task Triage_model_off_keeps_triage_offline_even_with_a_model_configured()
    {
        var model = await StartModelAsync((_, _) => HardwareUrgentPositive());
        using var client = Service(model, triageModel: "off").CreateClient();

        var created = await CreateVpnTicketAsync(client);
        var retriaged = await client.PostAsync($"/api/tickets/{(long)created["id"]!}/triage/", null);

        Assert.Equal("done", Status(created));
        Assert.Equal("rules", Source(created, "category"));
        Assert.Equal("done", Status(JsonNode.Parse(await retriaged.Content.ReadAsStringAsync())!.AsObject()));
        Assert.Empty(model.Requests);
    }
}
