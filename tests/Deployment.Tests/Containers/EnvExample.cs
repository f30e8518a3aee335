using AgentTickets.Testing;

namespace Deployment.Tests.Containers;

/// <summary>.env.example read as docker compose reads a .env file: NAME=value lines, # comments.</summary>
internal sealed record EnvExample(IReadOnlyList<string> Lines)
{
    public static EnvExample Load() => new(File.ReadAllLines(RepoPaths.File(".env.example")));

    public IReadOnlyList<string> Names => Lines
        .Where(l => !l.TrimStart().StartsWith('#') && l.Contains('=', StringComparison.Ordinal))
        .Select(l => l[..l.IndexOf('=', StringComparison.Ordinal)].Trim())
        .ToList();

    /// <summary>True when the line right above the variable is a comment with some text.</summary>
    public bool IsCommented(string name)
    {
        var at = Lines.ToList().FindIndex(l => l.StartsWith(name + "=", StringComparison.Ordinal));
        return at > 0 && Lines[at - 1].TrimStart().StartsWith("# ", StringComparison.Ordinal) && Lines[at - 1].Trim().Length > 2;
    }
}
