namespace Deployment.Tests.Support;

/// <summary>
/// A program a test starts that is not part of the .NET SDK (docker-compose, bash). The test command,
/// <c>bash tests/run.sh</c>, installs each one that is missing (docs/testing.md); a test never skips for
/// want of one, it fails and says how to get it.
/// </summary>
internal static class RequiredTool
{
    /// <summary>The full path of <paramref name="name"/> on PATH, or a failed test naming the fix.</summary>
    public static string Find(string name, string? path = null)
    {
        var directories = (path ?? Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var found = directories.Select(directory => Path.Combine(directory, name)).FirstOrDefault(File.Exists);
        Assert.True(
            found is not null,
            $"{name} is not installed (not found on PATH). Run the tests with 'bash tests/run.sh', which installs it; see docs/testing.md.");
        return found;
    }
}
