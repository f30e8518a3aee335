using AgentCli.CommandLine;
using AgentCli.Tests.Fakes;
using AgentCli.Tests.Support;
using AgentTickets.Testing;

namespace AgentCli.Tests;

/// <summary>
/// The built AgentCli run as a real process, the way a shell runs it: real redirected streams (so
/// Console.IsOutputRedirected decides colour), real piped stdin, a real SIGINT, real exit codes.
/// </summary>
public sealed class ProcessTests
{
    [Fact]
    public async Task A_real_run_with_redirected_output_streams_the_answer_without_escape_codes()
    {
        await using var host = await FakeAgentHost.StartAsync(async (context, _) =>
        {
            await Sse.BeginAsync(context);
            await Sse.ToolAsync(context, "count_tickets", new { resolution_status = "OPEN" }, "succeeded", "3");
            await Sse.TokenAsync(context, "There are 3 open tickets.");
            await Sse.EndAsync(context, "s-1");
        });

        await using var cli = CliProcess.Start(["how many tickets are open", host.Url.ToString()]);
        var exitCode = await cli.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Equal("There are 3 open tickets.\n", cli.OutText);
        Assert.Contains("[tool] count_tickets", cli.ErrorText);
        Assert.DoesNotContain("\u001b[", cli.OutText + cli.ErrorText);
    }

    [Fact]
    public async Task Piped_stdin_is_a_conversation_in_one_session()
    {
        await using var host = await FakeAgentHost.StartAsync((context, chat) =>
            Sse.AnswerAsync(context, chat.SessionId ?? "piped-session", $"you said {chat.Message}"));

        await using var cli = CliProcess.Start(["--url", host.Url.ToString()]);
        await cli.WriteInputAsync("what's open?\nand closed?\n", close: true);
        var exitCode = await cli.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Equal("you said what's open?\nyou said and closed?\n", cli.OutText);
        Assert.Equal("piped-session", host.Requests.Last().SessionId);
        Assert.DoesNotContain("> ", cli.ErrorText); // no prompt when nobody is typing
    }

    [Fact]
    public async Task Sigint_during_an_answer_stops_that_answer_and_the_process_goes_on_to_the_next_line()
    {
        var calls = 0;
        await using var host = await FakeAgentHost.StartAsync(async (context, _) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                await Sse.BeginAsync(context);
                await Sse.TokenAsync(context, "slow first line\n");
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
                return;
            }

            await Sse.AnswerAsync(context, "s-1", "second answer");
        });

        await using var cli = CliProcess.Start(["--url", host.Url.ToString()]);
        await cli.WriteInputAsync("first\nsecond\n", close: true);
        await cli.WaitForOutputAsync(text => text.Contains("slow first line", StringComparison.Ordinal), "the first token", TimeSpan.FromSeconds(60));
        await cli.InterruptAsync();
        var exitCode = await cli.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Equal("slow first line\nsecond answer\n", cli.OutText);
        Assert.Contains("(answer cancelled)", cli.ErrorText);
    }

    [Fact]
    public async Task An_unreachable_host_gives_a_clear_message_and_exit_code_3()
    {
        await using var cli = CliProcess.Start(["hello", "--url", $"http://127.0.0.1:{FreePort.Get()}"]);
        var exitCode = await cli.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(ExitCodes.Unreachable, exitCode);
        Assert.Contains("cannot reach the agent host", cli.ErrorText);
        Assert.Equal(string.Empty, cli.OutText);
    }
}
