namespace AgentCli.Rendering;

/// <summary>
/// ANSI styling for the stderr side channel (tool activity, errors, prompt). Answer text on stdout is
/// never styled, so piping it gives exactly what the agent said.
/// </summary>
internal sealed record TerminalStyle(bool Enabled)
{
    private const string Reset = "\u001b[0m";

    public static TerminalStyle Plain { get; } = new(false);

    /// <summary>
    /// Colour only for a real terminal, and never when the user opted out: NO_COLOR (https://no-color.org,
    /// any non-empty value) or TERM=dumb.
    /// </summary>
    public static TerminalStyle For(bool isTerminal, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var optedOut = !string.IsNullOrEmpty(environment("NO_COLOR"))
            || string.Equals(environment("TERM"), "dumb", StringComparison.Ordinal);
        return new TerminalStyle(isTerminal && !optedOut);
    }

    public string Dim(string text) => Wrap("\u001b[2m", text);

    public string Red(string text) => Wrap("\u001b[31m", text);

    public string Bold(string text) => Wrap("\u001b[1m", text);

    private string Wrap(string code, string text) => Enabled ? code + text + Reset : text;
}
