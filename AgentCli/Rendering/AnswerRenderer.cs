using AgentCli.Streaming;

namespace AgentCli.Rendering;

/// <summary>
/// Puts frames on the console: answer text to stdout as it arrives, tool activity and errors to
/// stderr, so <c>AgentCli "..." &gt; answer.txt</c> captures only the answer.
/// </summary>
internal sealed class AnswerRenderer(TextWriter output, TextWriter error, TerminalStyle style, bool sharedScreen)
{
    private const int MaxArgumentsLength = 200;
    private bool _outputAtLineStart = true;

    public void Token(TokenFrame frame)
    {
        if (frame.Delta.Length == 0)
        {
            return;
        }

        output.Write(frame.Delta);
        output.Flush(); // Each delta is shown the moment it arrives, not when a buffer fills.
        _outputAtLineStart = frame.Delta.EndsWith('\n');
    }

    public void Tool(ToolFrame frame)
    {
        BreakSharedLine();
        var arguments = frame.Arguments?.GetRawText() ?? "{}";
        if (arguments.Length > MaxArgumentsLength)
        {
            arguments = arguments[..MaxArgumentsLength] + "...";
        }

        var status = frame.Status is null ? string.Empty : $" {frame.Status}";
        error.WriteLine(style.Dim($"  [tool] {frame.Name} {arguments}{status}{Headline(frame.Summary)}"));
        error.Flush();
    }

    public void Error(string message)
    {
        FinishAnswer();
        error.WriteLine(style.Red($"error: {message}"));
        error.Flush();
    }

    public void Cancelled()
    {
        FinishAnswer();
        error.WriteLine(style.Dim("(answer cancelled)"));
        error.Flush();
    }

    /// <summary>Ends the answer on its own line so the next prompt or shell prompt starts cleanly.</summary>
    public void FinishAnswer()
    {
        if (!_outputAtLineStart)
        {
            output.WriteLine();
            output.Flush();
            _outputAtLineStart = true;
        }
    }

    /// <summary>
    /// When stdout and stderr are the same terminal, a tool line written mid-sentence would be glued to
    /// the answer text; start it on a fresh line. When either is redirected the answer text is left as sent.
    /// </summary>
    private void BreakSharedLine()
    {
        if (sharedScreen)
        {
            FinishAnswer();
        }
    }

    /// <summary>
    /// The summary's first line only: tool activity is a side channel, and a listing in the summary is
    /// what the answer itself goes on to say on stdout.
    /// </summary>
    private static string Headline(string? summary)
    {
        if (string.IsNullOrWhiteSpace(summary))
        {
            return string.Empty;
        }

        var lines = summary.Trim().ReplaceLineEndings("\n").Split('\n');
        return ": " + lines[0].TrimEnd() + (lines.Length > 1 ? " ..." : string.Empty);
    }
}
