using System.Text.RegularExpressions;
using AgentCli.CommandLine;
using AgentCli.Tests.Support;
using AgentTickets.Testing;

namespace AgentCli.Tests.EndToEnd;

/// <summary>
/// The real AgentHost process driven by the real AgentCli process, as a newcomer would use them:
/// create a ticket, find it in the open list, resolve it, delete it after a confirmation in the same
/// chat session, and see the error path, all asserted on what the two processes print.
/// </summary>
public sealed partial class EndToEndTests
{
    [Fact]
    public async Task A_ticket_is_created_listed_resolved_and_deleted_through_the_cli_against_the_real_agent_host()
    {
        await using var host = await ServiceProcess.StartAgentHostAsync();

        var created = await CliAsync(host, "open a ticket: printer on floor 3 jams, it has been broken since Monday");
        Assert.Contains(" succeeded: Created ticket", ToolLine(created.Error, "create_ticket"));
        var id = TicketId().Match(created.Out) is { Success: true } match ? match.Groups[1].Value : null;
        Assert.True(id is not null, $"the answer names no ticket id: {created.Out}");

        var open = await CliAsync(host, "list all open tickets");
        Assert.Contains(" succeeded", ToolLine(open.Error, "list_tickets"));
        Assert.Contains($"#{id}", open.Out);
        Assert.Contains("printer", open.Out, StringComparison.OrdinalIgnoreCase);

        var resolved = await CliAsync(host, $"resolve {id}");
        Assert.Contains("\"status\":\"RESOLVED\"", ToolLine(resolved.Error, "set_ticket_status"));
        Assert.Contains("RESOLVED", resolved.Out, StringComparison.OrdinalIgnoreCase);

        var shown = await CliAsync(host, $"show ticket {id}");
        Assert.Contains("RESOLVED", shown.Out, StringComparison.Ordinal);

        // Deleting needs a confirmation turn in the same session: the piped REPL keeps the session_id.
        await using var chat = CliProcess.Start(["--url", host.Url.ToString()]);
        await chat.WriteInputAsync($"delete ticket {id}\nyes\n", close: true);
        Assert.Equal(ExitCodes.Ok, await chat.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains(" succeeded: Deleted ticket", ToolLine(chat.ErrorText, "delete_ticket"));

        var gone = await CliAsync(host, $"show ticket {id}");
        Assert.Contains(" failed", ToolLine(gone.Error, "get_ticket"));
        Assert.Contains("not found", gone.Out, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_blank_message_is_refused_by_the_real_agent_host_and_the_cli_says_why_with_exit_code_4()
    {
        await using var host = await ServiceProcess.StartAgentHostAsync();

        await using var cli = CliProcess.Start(["   ", host.Url.ToString()]);
        var exitCode = await cli.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(ExitCodes.ClientError, exitCode);
        Assert.Contains("400", cli.ErrorText);
        Assert.Contains("message is required", cli.ErrorText);
        Assert.Equal(string.Empty, cli.OutText);
    }

    private static async Task<CliResult> CliAsync(ServiceProcess host, string message)
    {
        await using var cli = CliProcess.Start([message, "--url", host.Url.ToString()]);
        var exitCode = await cli.WaitForExitAsync(TimeSpan.FromSeconds(60));
        Assert.True(exitCode == ExitCodes.Ok, $"'{message}' exited {exitCode}. stdout: {cli.OutText} stderr: {cli.ErrorText} host: {host.Log}");
        return new CliResult(exitCode, cli.OutText, cli.ErrorText);
    }

    /// <summary>The first line the CLI printed for a call of <paramref name="tool"/>, or a failure naming what it printed.</summary>
    private static string ToolLine(string stderr, string tool)
    {
        var line = stderr.Split('\n').FirstOrDefault(l => l.StartsWith($"  [tool] {tool} ", StringComparison.Ordinal));
        Assert.True(line is not null, $"no {tool} call was shown. stderr: {stderr}");
        return line;
    }

    [GeneratedRegex(@"#(\d+)")]
    private static partial Regex TicketId();
}
