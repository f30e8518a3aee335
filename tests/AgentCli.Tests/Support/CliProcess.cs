using AgentTickets.Testing;

namespace AgentCli.Tests.Support;

/// <summary>The built AgentCli.dll as a real process, run with the machine's dotnet.</summary>
internal static class CliProcess
{
    /// <summary>Variables that would change the CLI's behaviour: removed, so a test that wants one sets it explicitly.</summary>
    private static readonly string[] Cleared = ["AGENT_URL", "NO_COLOR", "TERM"];

    /// <summary>A null value in <paramref name="environment"/> removes that variable.</summary>
    public static ChildProcess Start(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var variables = Cleared.ToDictionary(name => name, _ => (string?)null);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            variables[name] = value;
        }

        return ChildProcess.Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "AgentCli.dll"), .. args], variables);
    }
}
