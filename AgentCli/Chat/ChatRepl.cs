using AgentCli.CommandLine;
using AgentCli.Rendering;

namespace AgentCli.Chat;

/// <summary>
/// The conversation loop used when no message is given: one line, one turn, one session_id kept
/// across turns so follow-ups ("and close it") and delete confirmations reach the same conversation.
/// Reads a terminal interactively, or piped lines as a script.
/// </summary>
internal sealed class ChatRepl(ChatTurn turn, CliConsole console, TerminalStyle style)
{
    public async Task<int> RunAsync(Uri agentUrl, CancellationToken cancellationToken)
    {
        var interactive = console.InputIsTerminal;
        if (interactive)
        {
            console.Error.WriteLine(style.Dim($"Chatting with {agentUrl}. Type 'exit' or press Ctrl+D to quit; Ctrl+C stops an answer."));
        }

        string? sessionId = null;
        while (true)
        {
            if (interactive)
            {
                console.Error.Write(style.Bold("> "));
                console.Error.Flush();
            }

            var line = await console.In.ReadLineAsync(cancellationToken);
            if (line is null)
            {
                // Ctrl+D or the end of piped input; leave the shell prompt on a fresh line.
                if (interactive)
                {
                    console.Error.WriteLine();
                }

                return ExitCodes.Ok;
            }

            var message = line.Trim();
            if (message.Length == 0)
            {
                continue;
            }

            if (message is "exit" or "quit")
            {
                return ExitCodes.Ok;
            }

            var outcome = await turn.RunAsync(message, sessionId, cancellationToken);
            sessionId = outcome.SessionId;

            // A person at the terminal reads the error and tries again; a script should not carry on as
            // if the host had answered, so piped input stops at the first failure with its exit code.
            if (!interactive && outcome.ExitCode is not (ExitCodes.Ok or ExitCodes.Cancelled))
            {
                return outcome.ExitCode;
            }
        }
    }
}
