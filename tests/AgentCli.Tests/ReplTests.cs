using AgentCli.CommandLine;
using AgentCli.Tests.Fakes;
using AgentCli.Tests.Support;

namespace AgentCli.Tests;

/// <summary>The chat loop used when no message is given, driven through stdin.</summary>
public sealed class ReplTests
{
    [Fact]
    public async Task Each_line_is_a_turn_and_the_session_from_the_first_end_frame_is_sent_with_the_next()
    {
        var turn = 0;
        await using var host = await FakeAgentHost.StartAsync((context, chat) =>
            Sse.AnswerAsync(context, chat.SessionId ?? "session-42", $"answer {Interlocked.Increment(ref turn)}"));

        var result = await new CliHarness("delete ticket 3\nyes\n").RunAsync("--url", host.Url.ToString());

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var requests = host.Requests.ToArray();
        Assert.Equal(["delete ticket 3", "yes"], requests.Select(r => r.Message));
        Assert.False(requests[0].SessionIdSent);
        Assert.Equal("session-42", requests[1].SessionId);
        Assert.Equal("answer 1\nanswer 2\n", result.Out);
    }

    [Fact]
    public async Task Blank_lines_are_skipped_and_exit_ends_the_chat_before_later_lines()
    {
        await using var host = await FakeAgentHost.StartAsync((context, _) => Sse.AnswerAsync(context, "s-1", "ok"));

        var result = await new CliHarness("\n   \nfirst\nexit\nnever sent\n").RunAsync("--url", host.Url.ToString());

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal(["first"], host.Requests.Select(r => r.Message));
    }

    [Fact]
    public async Task Piped_input_stops_at_the_first_failed_turn_with_its_exit_code()
    {
        await using var host = await FakeAgentHost.StartAsync(async (context, chat) =>
        {
            await Sse.BeginAsync(context);
            await Sse.ErrorAsync(context, $"cannot do '{chat.Message}'");
        });

        var result = await new CliHarness("first\nsecond\n").RunAsync("--url", host.Url.ToString());

        Assert.Equal(ExitCodes.AgentError, result.ExitCode);
        Assert.Equal(["first"], host.Requests.Select(r => r.Message));
        Assert.Equal("error: cannot do 'first'\n", result.Error);
    }

    [Fact]
    public async Task At_a_terminal_an_error_is_shown_and_the_chat_goes_on_with_a_prompt_and_a_greeting()
    {
        var calls = 0;
        await using var host = await FakeAgentHost.StartAsync(async (context, chat) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                await Sse.BeginAsync(context);
                await Sse.ErrorAsync(context, "try again");
                return;
            }

            await Sse.AnswerAsync(context, "s-1", "fine now");
        });

        var result = await new CliHarness("first\nsecond\n", terminal: true).WithVariable("NO_COLOR", "1").RunAsync("--url", host.Url.ToString());

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal(2, host.Requests.Count);
        Assert.Equal("fine now\n", result.Out);
        Assert.Contains($"Chatting with {host.Url}", result.Error);
        Assert.Contains("error: try again", result.Error);
        Assert.Equal(3, result.Error.Split("> ").Length - 1); // a prompt before each line and before Ctrl+D
    }

    [Fact]
    public async Task Interrupting_an_answer_cancels_only_that_answer_and_the_next_line_is_answered()
    {
        var calls = 0;
        await using var host = await FakeAgentHost.StartAsync(async (context, chat) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                await Sse.BeginAsync(context);
                await Sse.TokenAsync(context, "a very slow answer");
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
                return;
            }

            await Sse.AnswerAsync(context, "s-1", "second answer");
        });
        var cli = new CliHarness("slow question\nnext question\n");

        var run = cli.StartAsync("--url", host.Url.ToString());
        await cli.WaitForOutputAsync("a very slow answer");
        Assert.True(cli.Interrupts.TryInterrupt());

        Assert.Equal(ExitCodes.Ok, await run.WaitAsync(TimeSpan.FromSeconds(20)));
        await host.ClientDisconnected.Task.WaitAsync(TimeSpan.FromSeconds(10)); // the host is told to stop
        Assert.Equal("a very slow answer\nsecond answer\n", cli.OutText);
        Assert.Contains("(answer cancelled)", cli.ErrorText);
        Assert.False(cli.Interrupts.TryInterrupt()); // no answer running: Ctrl+C falls through to quitting
    }

    [Fact]
    public async Task Interrupting_a_one_shot_answer_exits_with_130()
    {
        await using var host = await FakeAgentHost.StartAsync(async (context, _) =>
        {
            await Sse.BeginAsync(context);
            await Sse.TokenAsync(context, "slow");
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        var cli = new CliHarness();

        var run = cli.StartAsync("hello", "--url", host.Url.ToString());
        await cli.WaitForOutputAsync("slow");
        cli.Interrupts.TryInterrupt();

        Assert.Equal(ExitCodes.Cancelled, await run.WaitAsync(TimeSpan.FromSeconds(20)));
    }
}
