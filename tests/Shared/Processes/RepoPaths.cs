namespace AgentTickets.Testing;

/// <summary>
/// Finds the repository root, the working directory of the processes the tests start, and the repository
/// files the container tests look at.
/// </summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "AgentTickets.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"AgentTickets.sln not found above {AppContext.BaseDirectory}");
    }
}
