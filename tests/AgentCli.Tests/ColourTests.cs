using AgentCli.CommandLine;
using AgentCli.Rendering;
using AgentCli.Tests.Fakes;
using AgentCli.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace AgentCli.Tests;

/// <summary>ANSI colour only on a terminal, and never when the user opted out.</summary>
public sealed class ColourTests
{
    private const string Escape = "\u001b[";

    private static Task ToolThenErrorAsync(HttpContext context, RecordedChat _) => ToolThenError(context);

    private static async Task ToolThenError(HttpContext context)
    {
        await Sse.BeginAsync(context);
        await Sse.ToolAsync(context, "list_tickets", new { resolution_status = "OPEN" }, "succeeded", "2 tickets");
        await Sse.TokenAsync(context, "answer text");
        await Sse.ErrorAsync(context, "boom");
    }

    [Fact]
    public async Task On_a_terminal_tool_lines_are_dimmed_errors_are_red_and_answer_text_is_plain()
    {
        await using var host = await FakeAgentHost.StartAsync(ToolThenErrorAsync);

        var result = await new CliHarness(terminal: true).RunAsync("hi", "--url", host.Url.ToString());

        Assert.Equal(ExitCodes.AgentError, result.ExitCode);
        Assert.Contains("\u001b[2m  [tool] list_tickets", result.Error);
        Assert.Contains("\u001b[31merror: boom\u001b[0m", result.Error);
        // On a shared screen the tool line must not be glued to answer text; the text itself is unstyled.
        Assert.Equal("answer text\n", result.Out);
    }

    [Theory]
    [InlineData("NO_COLOR", "1")]
    [InlineData("TERM", "dumb")]
    public async Task NO_COLOR_or_a_dumb_terminal_turns_colour_off_even_on_a_terminal(string name, string value)
    {
        await using var host = await FakeAgentHost.StartAsync(ToolThenErrorAsync);

        var result = await new CliHarness(terminal: true).WithVariable(name, value).RunAsync("hi", "--url", host.Url.ToString());

        Assert.DoesNotContain(Escape, result.Error + result.Out);
        Assert.Contains("error: boom", result.Error);
    }

    [Fact]
    public async Task Redirected_output_has_no_colour()
    {
        await using var host = await FakeAgentHost.StartAsync(ToolThenErrorAsync);

        var result = await new CliHarness(terminal: false).RunAsync("hi", "--url", host.Url.ToString());

        Assert.DoesNotContain(Escape, result.Error + result.Out);
        Assert.Equal("  [tool] list_tickets {\"resolution_status\":\"OPEN\"} succeeded: 2 tickets\nerror: boom\n", result.Error);
    }

    [Fact]
    public void An_empty_NO_COLOR_does_not_count_as_opting_out()
    {
        Assert.True(TerminalStyle.For(isTerminal: true, name => name == "NO_COLOR" ? string.Empty : null).Enabled);
        Assert.False(TerminalStyle.For(isTerminal: false, _ => null).Enabled);
    }
}
