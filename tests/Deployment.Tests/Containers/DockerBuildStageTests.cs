using AgentTickets.Testing;

namespace Deployment.Tests.Containers;

/// <summary>
/// The nearest thing to <c>docker build</c> without a Docker engine: the build stage of each Dockerfile
/// replayed in an empty folder. Only what its COPY lines bring (less what .dockerignore drops: bin/ and
/// obj/) is there, and its <c>dotnet</c> RUN lines run as written. A project reference, props file or
/// source the image forgets to copy fails here the way it would fail in the image.
/// </summary>
public sealed class DockerBuildStageTests
{
    [Theory]
    [InlineData("TicketApi/Dockerfile", "TicketApi")]
    [InlineData("AgentHost/Dockerfile", "AgentHost")]
    public async Task The_build_stage_publishes_from_only_what_the_dockerfile_copies(string path, string project)
    {
        var build = Dockerfile.Load(path).Instructions.TakeWhile((i, index) => index == 0 || i.Keyword != "FROM").ToList();
        Assert.Equal("/src", Assert.Single(build, i => i.Keyword == "WORKDIR").Arguments);
        var context = Directory.CreateTempSubdirectory("docker-build-");
        var output = Path.Combine(context.FullName, "_app");
        try
        {
            foreach (var step in build.Where(i => i.Keyword is "COPY" or "RUN"))
            {
                if (step.Keyword == "COPY")
                {
                    var parts = step.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    foreach (var source in parts[..^1])
                    {
                        Copy(RepoPaths.File(source), Path.Combine(context.FullName, parts[^1]));
                    }

                    continue;
                }

                var words = step.Arguments.Replace("--output /app", $"--output {output}", StringComparison.Ordinal)
                    .Split(' ', StringSplitOptions.RemoveEmptyEntries);
                Assert.Equal("dotnet", words[0]); // only dotnet steps can be replayed; anything else needs a look
                await using var run = ChildProcess.Start("dotnet", words[1..], workingDirectory: context.FullName);
                var exitCode = await run.WaitForExitAsync(TimeSpan.FromMinutes(5));
                Assert.True(exitCode == 0, $"'{step.Arguments}' failed in the copied context: {run.OutText} {run.ErrorText}");
            }

            Assert.True(File.Exists(Path.Combine(output, $"{project}.dll")), $"{project}.dll was not published");
        }
        finally
        {
            context.Delete(recursive: true);
        }
    }

    /// <summary>Docker's COPY semantics for the cases used: a file into a folder ("./", "X/"), a folder's contents into a folder.</summary>
    private static void Copy(string source, string destination)
    {
        if (File.Exists(source))
        {
            Directory.CreateDirectory(destination);
            File.Copy(source, Path.Combine(destination, Path.GetFileName(source)), overwrite: true);
            return;
        }

        Assert.True(Directory.Exists(source), $"COPY source {source} does not exist");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            var segments = relative.Split(Path.DirectorySeparatorChar);
            if (segments.Contains("bin") || segments.Contains("obj"))
            {
                continue; // .dockerignore: **/bin/ and **/obj/
            }

            var target = Path.Combine(destination, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
