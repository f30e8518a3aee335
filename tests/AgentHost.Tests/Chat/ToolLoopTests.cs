using AgentHost.Chat;
using AgentHost.Tests.Support;
using AgentHost.Tickets;
using AgentHost.Tools;
using Microsoft.Extensions.AI;
using static AgentHost.Tests.Support.ScriptedChatClient;

namespace AgentHost.Tests.Chat;

public class ToolLoopTests
{
    private static readonly AIFunction Add = AIFunctionFactory.Create((int a, int b) => a + b, "add");

    private static async Task<List<ChatResponseUpdate>> RunAsync(IChatClient inner, params AITool[] tools)
    {
        using var loop = new ToolInvokingChatClient(inner);
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in loop.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "go")], new ChatOptions { Tools = tools }))
        {
            updates.Add(update);
        }

        return updates;
    }

    /// <summary>A function that hands its <see cref="TicketToolResult"/> back as it is, as the catalogue's do.</summary>
    private static AIFunction TicketTool(string name, Delegate body) => AIFunctionFactory.Create(body, new AIFunctionFactoryOptions
    {
        Name = name,
        MarshalResult = static (result, _, _) => new ValueTask<object?>(result),
    });

    private static List<ToolCallReport> Reports(IEnumerable<ChatResponseUpdate> updates) =>
        updates.SelectMany(u => u.Contents.OfType<ToolCallReport>()).ToList();

    private static object? LastResult(IReadOnlyList<ChatMessage> messages) =>
        messages[^1].Contents.OfType<FunctionResultContent>().Single().Result;

    [Fact]
    public async Task Results_of_one_round_are_fed_into_the_next_until_the_model_answers_in_text()
    {
        var model = new ScriptedChatClient(
            _ => [Calls(Call("add", ("a", 1), ("b", 2)))],
            m => [Calls(Call("add", ("a", Convert.ToInt32(LastResult(m)!.ToString())), ("b", 4)))],
            m => [Text($"The sum is {LastResult(m)}.")]);

        var updates = await RunAsync(model, Add);

        Assert.Equal(3, model.CallCount);
        Assert.Equal("The sum is 7.", string.Concat(updates.Select(u => u.Text)));
        Assert.Equal(["add", "add"], Reports(updates).Select(r => r.Name));
        Assert.All(Reports(updates), r => Assert.True(r.Succeeded));
        // The second model call saw the assistant's call and the tool's answer, in order.
        var second = model.Received[1];
        Assert.Equal([ChatRole.User, ChatRole.Assistant, ChatRole.Tool], second.Select(m => m.Role));
    }

    [Fact]
    public async Task Calls_of_one_round_run_in_parallel_and_all_results_go_back_together()
    {
        var arrived = 0;
        var bothRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slow = AIFunctionFactory.Create(async (string name, CancellationToken ct) =>
        {
            if (Interlocked.Increment(ref arrived) == 2)
            {
                bothRunning.TrySetResult();
            }

            // Sequential calls would wait here forever: the second call could not start.
            await bothRunning.Task.WaitAsync(TimeSpan.FromSeconds(10), ct);
            return $"hello {name}";
        }, "greet");

        var model = new ScriptedChatClient(
            _ => [Calls(Call("greet", ("name", "ann")), Call("greet", ("name", "bob")))],
            _ => [Text("done")]);

        var updates = await RunAsync(model, slow);

        var fedBack = model.Received[1][^1];
        Assert.Equal(ChatRole.Tool, fedBack.Role);
        Assert.Equal(["hello ann", "hello bob"], fedBack.Contents.OfType<FunctionResultContent>().Select(r => r.Result?.ToString()));
        Assert.Equal(2, Reports(updates).Count);
    }

    [Fact]
    public async Task A_tool_exception_is_fed_back_to_the_model_as_an_error_result()
    {
        var broken = AIFunctionFactory.Create(string () => throw new InvalidOperationException("disk on fire"), "broken");
        var model = new ScriptedChatClient(
            _ => [Calls(Call("broken"))],
            m => [Text("Sorry: " + LastResult(m))]);

        var updates = await RunAsync(model, broken);

        Assert.Contains("disk on fire", LastResult(model.Received[1])!.ToString());
        var report = Assert.Single(Reports(updates));
        Assert.False(report.Succeeded);
        Assert.Contains("disk on fire", report.Summary);
        Assert.StartsWith("Sorry: Error:", string.Concat(updates.Select(u => u.Text)));
    }

    [Fact]
    public async Task Bad_arguments_and_unknown_tools_come_back_as_error_results_too()
    {
        var model = new ScriptedChatClient(
            _ => [Calls(Call("add", ("a", "not a number")), Call("nope"))],
            _ => [Text("ok")]);

        var updates = await RunAsync(model, Add);

        var results = model.Received[1][^1].Contents.OfType<FunctionResultContent>().Select(r => r.Result!.ToString()!).ToList();
        Assert.StartsWith("Error: add failed", results[0]);
        Assert.Contains("no tool named 'nope'", results[1]);
        Assert.Contains("add", results[1]);
        Assert.All(Reports(updates), r => Assert.False(r.Succeeded));
    }

    [Fact]
    public async Task The_loop_stops_after_ten_rounds_of_tool_calls()
    {
        var invocations = 0;
        var tick = AIFunctionFactory.Create(() => ++invocations, "tick");
        var model = new ScriptedChatClient(_ => [Calls(Call("tick"))]) { RepeatLastStep = true };

        var error = await Assert.ThrowsAsync<ToolLoopException>(() => RunAsync(model, tick));

        Assert.Contains("10 rounds", error.Message);
        Assert.Equal(10, invocations);
        Assert.Equal(11, model.CallCount);
    }

    [Fact]
    public async Task Three_failed_rounds_in_a_row_stop_the_turn()
    {
        var failing = AIFunctionFactory.Create(string () => throw new InvalidOperationException("still broken"), "flaky");
        var model = new ScriptedChatClient(_ => [Calls(Call("flaky"))]) { RepeatLastStep = true };

        var error = await Assert.ThrowsAsync<ToolLoopException>(() => RunAsync(model, failing));

        Assert.Contains("3 rounds of failed tool calls in a row", error.Message);
        Assert.Contains("still broken", error.Message);
        Assert.Equal(3, model.CallCount);
    }

    [Fact]
    public async Task Three_failing_calls_in_one_round_are_one_failed_round_not_a_stop()
    {
        var failing = AIFunctionFactory.Create(string () => throw new InvalidOperationException("down"), "flaky");
        var model = new ScriptedChatClient(
            _ => [Calls(Call("flaky"), Call("flaky"), Call("flaky"))],
            _ => [Text("The service is down.")]);

        var updates = await RunAsync(model, failing);

        Assert.Equal("The service is down.", string.Concat(updates.Select(u => u.Text)));
        Assert.Equal(3, Reports(updates).Count);
    }

    [Fact]
    public async Task Refusals_are_answers_so_closing_three_missing_tickets_ends_in_the_models_reply()
    {
        var close = TicketTool("set_ticket_status", (int id) => TicketToolResult.Failure(new TicketProblem(404, $"Ticket with id '{id}' was not found.")));
        var model = new ScriptedChatClient(
            _ => [Calls(Call("set_ticket_status", ("id", 21)))],
            _ => [Calls(Call("set_ticket_status", ("id", 22)))],
            _ => [Calls(Call("set_ticket_status", ("id", 23)))],
            _ => [Calls(Call("set_ticket_status", ("id", 24)))],
            m => [Text("Tickets 21, 22, 23 and 24 do not exist.")]);

        var updates = await RunAsync(model, close);

        Assert.Equal("Tickets 21, 22, 23 and 24 do not exist.", string.Concat(updates.Select(u => u.Text)));
        Assert.Equal(4, Reports(updates).Count);
        Assert.All(Reports(updates), r => Assert.False(r.Succeeded));
    }

    [Fact]
    public async Task An_unreachable_ticket_service_counts_as_a_failed_round()
    {
        var down = TicketTool("get_ticket", () => TicketToolResult.Failure(new TicketProblem(503, "The ticket service could not be reached after up to 5 tries.")));
        var model = new ScriptedChatClient(_ => [Calls(Call("get_ticket"))]) { RepeatLastStep = true };

        var error = await Assert.ThrowsAsync<ToolLoopException>(() => RunAsync(model, down));

        Assert.Contains("could not be reached", error.Message);
        Assert.Equal(3, model.CallCount);
    }

    [Fact]
    public async Task Malformed_argument_json_goes_back_to_the_model_as_an_error_result_naming_the_problem()
    {
        var broken = new FunctionCallContent("c1", "add") { Exception = new System.Text.Json.JsonException("'{\"a\": 1' is not a JSON object") };
        var model = new ScriptedChatClient(
            _ => [Calls(broken)],
            m => [Text("retrying: " + LastResult(m))]);

        var updates = await RunAsync(model, Add);

        var fedBack = LastResult(model.Received[1])!.ToString()!;
        Assert.Equal("Error: the arguments for add could not be read: '{\"a\": 1' is not a JSON object. Call it again with a JSON object of its parameters.", fedBack);
        Assert.False(Assert.Single(Reports(updates)).Succeeded);
    }

    [Fact]
    public async Task A_success_between_failures_resets_the_error_count()
    {
        var n = 0;
        var sometimes = AIFunctionFactory.Create(string () => ++n == 3 ? "fine" : throw new InvalidOperationException("boom"), "sometimes");
        var model = new ScriptedChatClient(
            _ => [Calls(Call("sometimes"))], // fails
            _ => [Calls(Call("sometimes"))], // fails
            _ => [Calls(Call("sometimes"))], // succeeds: count back to 0
            _ => [Calls(Call("sometimes"))], // fails
            _ => [Calls(Call("sometimes"))], // fails
            _ => [Text("gave up politely")]);

        var updates = await RunAsync(model, sometimes);

        Assert.Equal("gave up politely", string.Concat(updates.Select(u => u.Text)));
        Assert.Equal(5, Reports(updates).Count);
    }

    [Fact]
    public async Task Cancellation_stops_the_loop_instead_of_being_fed_back_as_an_error()
    {
        using var cts = new CancellationTokenSource();
        var hang = AIFunctionFactory.Create(async (CancellationToken ct) =>
        {
            await cts.CancelAsync();
            await Task.Delay(Timeout.Infinite, ct);
            return "never";
        }, "hang");
        var model = new ScriptedChatClient(_ => [Calls(Call("hang"))], _ => [Text("should not be asked")]);
        using var loop = new ToolInvokingChatClient(model);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in loop.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "go")], new ChatOptions { Tools = [hang] }, cts.Token))
            {
            }
        });
        Assert.Equal(1, model.CallCount);
    }
}
