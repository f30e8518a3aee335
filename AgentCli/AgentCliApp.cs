using System.CommandLine;
using AgentCli.Chat;
using AgentCli.CommandLine;
using AgentCli.Rendering;
using AgentCli.Streaming;

namespace AgentCli;

/// <summary>Composes the CLI for one run: grammar, HTTP client, renderer, one turn or the chat loop.</summary>
internal static class AgentCliApp
{
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        var root = AgentCliCommand.Create((settings, ct) => ChatAsync(settings, console, ct), console.Environment, console.Error);
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var parseError in parseResult.Errors)
            {
                await console.Error.WriteLineAsync($"error: {parseError.Message}");
            }

            await console.Error.WriteLineAsync("Run with --help to see the usage.");
            return ExitCodes.Usage;
        }

        var invocation = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            // Ctrl+C is ours: it stops the current answer (TurnInterrupts), not the whole invocation.
            ProcessTerminationTimeout = null,
        };
        return await parseResult.InvokeAsync(invocation, cancellationToken);
    }

    private static async Task<int> ChatAsync(CliSettings settings, CliConsole console, CancellationToken cancellationToken)
    {
        var style = TerminalStyle.For(console.ErrorIsTerminal, console.Environment);
        var renderer = new AnswerRenderer(console.Out, console.Error, style, sharedScreen: console.OutputIsTerminal && console.ErrorIsTerminal);
        using var http = AgentHttp.Create();
        var turn = new ChatTurn(new AgentChatClient(http, settings.AgentUrl, settings.Token), renderer, console.Interrupts);

        if (settings.Message is not null)
        {
            // The message goes as given, even blank: the host owns validation and says what is wrong.
            var outcome = await turn.RunAsync(settings.Message, sessionId: null, cancellationToken);
            return outcome.ExitCode;
        }

        return await new ChatRepl(turn, console, style).RunAsync(settings.AgentUrl, cancellationToken);
    }
}
