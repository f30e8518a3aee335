using AgentCli.Chat;

namespace AgentCli.Tests.Support;

/// <summary>What one CLI run printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error);

/// <summary>
/// Runs the CLI in-process with scripted stdin, captured stdout/stderr and an environment of the
/// test's choosing (never the machine's, so AGENT_URL or NO_COLOR set on a developer box cannot leak in).
/// </summary>
internal sealed class CliHarness
{
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();
    private readonly Dictionary<string, string?> _environment = new(StringComparer.Ordinal);

    public CliHarness(string stdin = "", bool terminal = false)
    {
        Stdin = stdin;
        Terminal = terminal;
        Out = TextWriter.Synchronized(_out);
        Error = TextWriter.Synchronized(_error);
    }

    public string Stdin { get; }

    public bool Terminal { get; }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    public TurnInterrupts Interrupts { get; } = new();

    public string OutText => Read(Out, _out);

    public string ErrorText => Read(Error, _error);

    public CliHarness WithVariable(string name, string? value)
    {
        _environment[name] = value;
        return this;
    }

    public Task<int> StartAsync(params string[] args)
    {
        var console = new CliConsole(
            new StringReader(Stdin),
            Out,
            Error,
            InputIsTerminal: Terminal,
            OutputIsTerminal: Terminal,
            ErrorIsTerminal: Terminal,
            name => _environment.GetValueOrDefault(name),
            Interrupts);
        return Task.Run(() => AgentCliApp.RunAsync(args, console, CancellationToken.None));
    }

    public async Task<CliResult> RunAsync(params string[] args)
    {
        var exitCode = await StartAsync(args).WaitAsync(TimeSpan.FromSeconds(30));
        return new CliResult(exitCode, OutText, ErrorText);
    }

    /// <summary>Waits until stdout contains <paramref name="text"/>, failing after a generous time-out.</summary>
    public async Task WaitForOutputAsync(string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!OutText.Contains(text, StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, $"stdout never showed '{text}'. stdout: {OutText} stderr: {ErrorText}");
            await Task.Delay(20);
        }
    }

    // TextWriter.Synchronized locks on the wrapper itself ([MethodImpl(Synchronized)]), so reading under
    // the same lock never sees the StringBuilder mid-append.
    private static string Read(TextWriter synchronizedWrapper, StringWriter inner)
    {
        lock (synchronizedWrapper)
        {
            return inner.ToString();
        }
    }
}
