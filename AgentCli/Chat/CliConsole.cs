namespace AgentCli.Chat;

/// <summary>
/// The process's console and environment, passed in rather than read from statics so the whole
/// CLI runs in-process in tests with scripted input and captured output.
/// </summary>
internal sealed record CliConsole(
    TextReader In,
    TextWriter Out,
    TextWriter Error,
    bool InputIsTerminal,
    bool OutputIsTerminal,
    bool ErrorIsTerminal,
    Func<string, string?> Environment,
    TurnInterrupts Interrupts)
{
    public static CliConsole FromSystem(TurnInterrupts interrupts) => new(
        Console.In,
        Console.Out,
        Console.Error,
        !Console.IsInputRedirected,
        !Console.IsOutputRedirected,
        !Console.IsErrorRedirected,
        System.Environment.GetEnvironmentVariable,
        interrupts);
}
