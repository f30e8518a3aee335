using System.Text.RegularExpressions;
using AgentTickets.Testing;

namespace Deployment.Tests.Containers;

/// <summary>
/// The C# sources of the services (TicketApi, AgentHost), searched for the configuration keys they
/// read, so a variable passed by compose or listed in .env.example is known to be used by real code.
/// </summary>
internal static partial class ServiceSources
{
    /// <summary>Read by ASP.NET Core itself, not by our code; the reason is the framework's documentation.</summary>
    private static readonly HashSet<string> FrameworkVariables = new(StringComparer.Ordinal)
    {
        "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT",
    };

    /// <summary>Wire values spelled like settings (docs/drafts.md's solution statuses), which no configuration reads.</summary>
    private static readonly HashSet<string> WireValues = new(StringComparer.Ordinal) { "NEEDS_FOLLOW_UP" };

    private static readonly Lazy<string> AllText = new(() => string.Join(
        "\n",
        ((string[])["TicketApi", "AgentHost"])
            .SelectMany(project => Directory.EnumerateFiles(RepoPaths.File(project), "*.cs", SearchOption.AllDirectories))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText)));

    /// <summary>
    /// True when the services read <paramref name="variable"/>: quoted as a configuration key
    /// (<c>configuration["AGENT_PORT"]</c>, <c>GetEnvironmentVariable("...")</c>), or, for a
    /// double-underscore name, as the section it maps to (<c>ConnectionStrings__Tickets</c> is
    /// <c>GetConnectionString("Tickets")</c>).
    /// </summary>
    public static bool Read(string variable)
    {
        if (FrameworkVariables.Contains(variable))
        {
            return true;
        }

        if (variable.Contains("__", StringComparison.Ordinal))
        {
            var key = variable.Replace("__", ":", StringComparison.Ordinal);
            var connectionString = key.StartsWith("ConnectionStrings:", StringComparison.Ordinal)
                && AllText.Value.Contains($"GetConnectionString(\"{key["ConnectionStrings:".Length..]}\")", StringComparison.Ordinal);
            return connectionString || AllText.Value.Contains($"\"{key}\"", StringComparison.Ordinal);
        }

        return AllText.Value.Contains($"\"{variable}\"", StringComparison.Ordinal);
    }

    /// <summary>
    /// The environment-style names (UPPER_SNAKE string literals) the services' code reads, besides the
    /// framework's own. A new setting added to the code shows up here, so .env.example cannot fall behind.
    /// </summary>
    public static IReadOnlyList<string> UpperSnakeNames() => UpperSnakeLiteral().Matches(AllText.Value)
        .Select(m => m.Groups[1].Value)
        .Where(name => !FrameworkVariables.Contains(name) && !WireValues.Contains(name))
        .Distinct()
        .Order(StringComparer.Ordinal)
        .ToList();

    [GeneratedRegex("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\"")]
    private static partial Regex UpperSnakeLiteral();
}
