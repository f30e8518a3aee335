using AgentTickets.Testing;
using Microsoft.Extensions.Logging;
using TicketApi.ModelTriage;
using TicketApi.Tests.Infrastructure;
using static TicketApi.Tests.ModelTriage.ModelAnswers;

namespace TicketApi.Tests.ModelTriage;

/// <summary>
/// Every way the model can fail ends in <c>triage.status = "failed"</c> with the rules' values standing, one
/// warning logged without a stack trace, and the service unharmed (docs/triage.md, "Failures").
/// </summary>
public sealed class ModelTriageFailureTests() : ModelTriageTest(SqliteStore.Instance)
{
    public static TheoryData<string, string> UnusableAnswers => new()
    {
        { "{\"category\": {\"value\": \"NETWORK\"", "not JSON" },
        { Json("NETWORK", "CRITICAL", "NEUTRAL"), "priority 'CRITICAL' is not one of LOW, NORMAL, HIGH, URGENT" },
        { Json("NETWORK", "HIGH", "NEUTRAL", confidence: 1.7), "confidence 1.7 is not a number in [0, 1]" },
        { "[\"NETWORK\", \"HIGH\"]", "not an object" },
    };

    [Theory]
    [MemberData(nameof(UnusableAnswers))]
    public async Task An_unusable_answer_marks_triage_failed_and_keeps_the_rules_values(string answer, string logged)
    {
        var model = await StartModelAsync((_, _) => FakeReply.Completion(answer));
        await AssertFailsAsync(Service(model), logged);
    }

    [Fact]
    public async Task A_refusal_marks_triage_failed()
    {
        var model = await StartModelAsync((_, _) => FakeReply.Refusal("I can't help with that."));
        await AssertFailsAsync(Service(model), "the model refused: I can't help with that.");
    }

    [Fact]
    public async Task Http_500_after_the_sdks_retries_marks_triage_failed()
    {
        var model = await StartModelAsync((_, _) => FakeReply.Error(500, "The server had an error while processing your request."));
        await AssertFailsAsync(Service(model, maxRetries: 1), "the provider answered HTTP 500");

        Assert.Equal(2, model.Requests.Count); // the first attempt and the SDK's one retry
    }

    [Fact]
    public async Task An_answer_cut_short_marks_triage_failed()
    {
        var model = await StartModelAsync((_, _) => FakeReply.Completion("""{"category": {"reason": "mentions the VPN", "value": "NET""", finishReason: "length"));
        await AssertFailsAsync(Service(model), "the answer ended with 'Length'");
    }

    [Fact]
    public async Task An_unreachable_provider_marks_triage_failed()
    {
        var model = await StartModelAsync((_, _) => HardwareUrgentPositive());
        await model.DisposeAsync(); // its port now refuses connections
        await AssertFailsAsync(Service(model), "the provider could not be reached");
    }

    [Fact]
    public async Task A_reply_the_sdk_cannot_read_marks_triage_failed_and_logs_the_error_with_its_stack_trace()
    {
        var model = await StartModelAsync((_, _) => new FakeReply(200, [], CompletionJson: "<html>gateway says hello</html>"));
        var service = Service(model);
        using var client = service.CreateClient();

        var settled = await WaitUntilSettledAsync(client, (long)(await CreateVpnTicketAsync(client))["id"]!);

        Assert.Equal("failed", Status(settled));
        var error = Assert.Single(service.Logs.Entries, e => e.Category == typeof(ModelTriageWorker).FullName && e.Level >= LogLevel.Warning);
        Assert.Equal(LogLevel.Error, error.Level);
        Assert.NotNull(error.Exception);
    }

    [Fact]
    public async Task A_model_that_does_not_answer_in_time_marks_triage_failed()
    {
        var never = new TaskCompletionSource();
        var model = await StartModelAsync((_, _) => HardwareUrgentPositive() with { Gate = never.Task });
        await AssertFailsAsync(Service(model, timeout: TimeSpan.FromMilliseconds(300)), "no answer within 0.3 s");
    }

    [Fact]
    public async Task A_failed_ticket_does_not_stop_the_worker_from_triaging_the_next()
    {
        var model = await StartModelAsync((index, _) => index == 0 ? FakeReply.Completion("not json") : HardwareUrgentPositive());
        using var client = Service(model).CreateClient();

        var first = await WaitUntilSettledAsync(client, (long)(await CreateVpnTicketAsync(client))["id"]!);
        var second = await WaitUntilSettledAsync(client, (long)(await CreateVpnTicketAsync(client))["id"]!);

        Assert.Equal("failed", Status(first));
        Assert.Equal("done", Status(second));
        Assert.Equal("HARDWARE", (string)second["category"]!);
    }

    private static async Task AssertFailsAsync(ModelTriageFactory service, string logged)
    {
        using var client = service.CreateClient();
        var created = await CreateVpnTicketAsync(client);
        var id = (long)created["id"]!;

        var settled = await WaitUntilSettledAsync(client, id);

        Assert.Equal("failed", Status(settled));
        foreach (var field in new[] { "category", "priority", "sentiment" })
        {
            Assert.Equal((string)created[field]!, (string)settled[field]!);
            Assert.Equal(TriageOf(created)[field]!.ToJsonString(), TriageOf(settled)[field]!.ToJsonString());
        }
        var warnings = service.Logs.Entries.Where(e => e.Category == typeof(ModelTriageWorker).FullName && e.Level >= LogLevel.Warning).ToList();
        var warning = Assert.Single(warnings);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Null(warning.Exception);
        Assert.Contains($"ticket {id} failed", warning.Message, StringComparison.Ordinal);
        Assert.Contains(logged, warning.Message, StringComparison.Ordinal);
    }
}
