using AgentCli.CommandLine;
using AgentCli.Tests.Fakes;
using AgentCli.Tests.Support;

namespace AgentCli.Tests;

/// <summary>One-shot runs against the fake host: every frame type, and how each is shown.</summary>
public sealed class StreamingTests
{
    [Fact]
    public async Task Token_deltas_are_written_to_stdout_in_order_and_end_exits_zero()
    {
        await using var host = await FakeAgentHost.StartAsync((context, _) => Sse.AnswerAsync(context, "s-1", "There are ", "2 open ", "tickets."));

        var result = await new CliHarness().RunAsync("List all open tickets", "--url", host.Url.ToString());

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal("There are 2 open tickets.\n", result.Out);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public async Task The_request_is_a_json_post_with_the_message_and_no_session_on_the_first_turn()
    {
        await using var host = await FakeAgentHost.StartAsync((context, _) => Sse.AnswerAsync(context, "s-1", "ok"));

        await new CliHarness().RunAsync("List all open tickets", "--url", host.Url.ToString());

        var request = Assert.Single(host.Requests);
        Assert.Equal("List all open tickets", request.Message);
        Assert.False(request.SessionIdSent);
        Assert.Equal("text/event-stream", request.Accept);
        Assert.StartsWith("application/json", request.ContentType);
        Assert.NotNull(request.ContentLength); // not chunked: some servers and proxies refuse chunked uploads
    }

    [Fact]
    public async Task Tokens_are_shown_as_they_arrive_not_when_the_stream_ends()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await FakeAgentHost.StartAsync(async (context, _) =>
        {
            await Sse.BeginAsync(context);
            await Sse.TokenAsync(context, "first ");
            // Hold the rest back until the test has seen the first token printed.
            await release.Task.WaitAsync(TimeSpan.FromSeconds(20), context.RequestAborted);
            await Task.Delay(50, context.RequestAborted);
            await Sse.TokenAsync(context, "second");
            await Sse.EndAsync(context, "s-1");
        });
        var cli = new CliHarness();

        var run = cli.StartAsync("hello", host.Url.ToString());
        await cli.WaitForOutputAsync("first ");
        Assert.False(run.IsCompleted);
        Assert.DoesNotContain("second", cli.OutText);
        release.SetResult();

        Assert.Equal(ExitCodes.Ok, await run.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal("first second\n", cli.OutText);
    }

    [Fact]
    public async Task Tool_frames_go_to_stderr_with_name_arguments_status_and_summary()
    {
        await using var host = await FakeAgentHost.StartAsync(async (context, _) =>
        {
            await Sse.BeginAsync(context);
            await Sse.ToolAsync(context, "set_ticket_status", new { id = 12, status = "RESOLVED" }, "succeeded", "Ticket 12: OPEN -> RESOLVED");
            await Sse.TokenAsync(context, "Ticket 12 is now RESOLVED.");
            await Sse.EndAsync(context, "s-1");
        });

        var result = await new CliHarness().RunAsync("resolve 12", "--url", host.Url.ToString());

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal("Ticket 12 is now RESOLVED.\n", result.Out);
        Assert.Equal("  [tool] set_ticket_status {\"id\":12,\"status\":\"RESOLVED\"} succeeded: Ticket 12: OPEN -> RESOLVED\n", result.Error);
    }

    [Fact]
    public async Task Only_the_first_line_of_a_multi_line_tool_summary_is_shown()
    {
        await using var host = await FakeAgentHost.StartAsync(async (context, _) =>
        {
            await Sse.BeginAsync(context);
            await Sse.ToolAsync(context, "list_tickets", new { }, "succeeded", "2 tickets match:\n- #1 VPN\n- #2 Mail\n");
            await Sse.EndAsync(context, "s-1");
        });

        var result = await new CliHarness().RunAsync("list", "--url", host.Url.ToString());

        Assert.Equal("  [tool] list_tickets {} succeeded: 2 tickets match: ...\n", result.Error);
    }

    [Fact]
    public async Task An_error_frame_goes_to_stderr_and_exits_with_the_agent_error_code()
    {
        await using var host = await FakeAgentHost.StartAsync(async (context, _) =>
        {
            await Sse.BeginAsync(context);
            await Sse.TokenAsync(context, "Working on it");
            await Sse.ErrorAsync(context, "The model provider answered 401: check AZURE_OPENAI_API_KEY.");
        });

        var result = await new CliHarness().RunAsync("hello", "--url", host.Url.ToString());

        Assert.Equal(ExitCodes.AgentError, result.ExitCode);
        Assert.Equal("Working on it\n", result.Out);
        Assert.Equal("error: The model provider answered 401: check AZURE_OPENAI_API_KEY.\n", result.Error);
    }

    [Fact]
    public async Task Multi_line_data_is_joined_into_one_json_value_and_newlines_in_deltas_survive()
    {
        await using var host = await FakeAgentHost.StartAsync(async (context, _) =>
        {
            await Sse.BeginAsync(context);
            // One JSON value split over three data lines; the SSE parser joins them with \n.
            await Sse.RawAsync(context, "event: token\ndata: {\"delta\":\ndata: \"line one\\nline two\"\ndata: }\n\n");
            await Sse.RawAsync(context, "event: end\r\ndata: {\"ok\": true, \"session_id\": \"s-1\"}\r\n\r\n");
        });

        var result = await new CliHarness().RunAsync("hello", "--url", host.Url.ToString());

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal("line one\nline two\n", result.Out);
    }

    [Fact]
    public async Task Event_ids_and_the_opening_id_only_block_of_the_agent_host_are_accepted()
    {
        await using var host = await FakeAgentHost.StartAsync(async (context, _) =>
        {
            await Sse.BeginAsync(context);
            await Sse.RawAsync(context, "retry: 5000\nid: s-1:1:0\n\n");
            await Sse.RawAsync(context, "event: token\nid: s-1:1:1\ndata: {\"delta\": \"Hello\"}\n\n");
            await Sse.RawAsync(context, "event: end\nid: s-1:1:2\ndata: {\"ok\": true, \"session_id\": \"s-1\"}\n\n");
        });

        var result = await new CliHarness().RunAsync("hello", "--url", host.Url.ToString());

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal("Hello\n", result.Out);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public async Task Retry_comments_and_unknown_events_are_ignored()
    {
        await using var host = await FakeAgentHost.StartAsync(async (context, _) =>
        {
            await Sse.BeginAsync(context);
            await Sse.RetryAsync(context);
            await Sse.RawAsync(context, ": keep-alive\n\n");
            await Sse.EventAsync(context, "progress", new { percent = 50 });
            await Sse.RawAsync(context, "data: {\"delta\": \"an unnamed event is not a token\"}\n\n");
            await Sse.TokenAsync(context, "done");
            await Sse.EndAsync(context, "s-1");
        });

        var result = await new CliHarness().RunAsync("hello", "--url", host.Url.ToString());

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal("done\n", result.Out);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public async Task The_cli_returns_at_the_end_frame_even_if_the_host_keeps_the_connection_open()
    {
        await using var host = await FakeAgentHost.StartAsync(async (context, _) =>
        {
            await Sse.AnswerAsync(context, "s-1", "done");
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });

        var result = await new CliHarness().RunAsync("hello", "--url", host.Url.ToString());

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        await host.ClientDisconnected.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
