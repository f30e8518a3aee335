using System.Diagnostics;
using AgentTickets.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Deployment.Tests.Containers;

/// <summary>
/// The two Dockerfiles, checked without a Docker engine: their shape (multi-stage, non-root, health
/// check, listening on every interface), that everything they COPY exists in the build context, and
/// that their health-check command really tells a healthy service from a sick or absent one.
/// </summary>
public sealed class DockerfileTests
{
    public static TheoryData<string> Images => ["TicketApi/Dockerfile", "AgentHost/Dockerfile"];

    /// <summary>The project an image ships and the port it serves (the ports compose publishes).</summary>
    private static (string Project, int Port) Describe(string path) => path switch
    {
        "TicketApi/Dockerfile" => ("TicketApi", 8000),
        "AgentHost/Dockerfile" => ("AgentHost", 8100),
        _ => throw new ArgumentOutOfRangeException(nameof(path), path, "unknown image"),
    };

    [Theory]
    [MemberData(nameof(Images))]
    public void The_image_is_built_with_the_sdk_and_runs_on_the_aspnet_runtime(string path)
    {
        var (project, port) = Describe(path);
        var dockerfile = Dockerfile.Load(path);

        Assert.Equal(["mcr.microsoft.com/dotnet/sdk:10.0", "mcr.microsoft.com/dotnet/aspnet:10.0"], dockerfile.BaseImages);
        Assert.Contains(dockerfile.Instructions, i => i.Keyword == "RUN" && i.Arguments.StartsWith($"dotnet publish {project}/{project}.csproj", StringComparison.Ordinal));
        Assert.Equal($"[\"dotnet\", \"{project}.dll\"]", Assert.Single(dockerfile.FinalStage, i => i.Keyword == "ENTRYPOINT").Arguments);
        Assert.Contains(dockerfile.FinalStage, i => i.Keyword == "EXPOSE" && i.Arguments == port.ToString());
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void The_image_runs_as_a_non_root_user(string path)
    {
        var user = Assert.Single(Dockerfile.Load(path).FinalStage, i => i.Keyword == "USER").Arguments;

        Assert.DoesNotContain(user, (string[])["root", "0", "0:0"]);
        Assert.Equal("$APP_UID", user); // the unprivileged user the .NET images ship
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void The_service_listens_on_every_interface_on_its_port_and_the_health_check_asks_that_port(string path)
    {
        var (project, port) = Describe(path);
        var dockerfile = Dockerfile.Load(path);
        var environment = dockerfile.FinalEnvironment();

        // The hosts bind loopback unless ASPNETCORE_URLS says otherwise; loopback in a container is unreachable.
        Assert.Equal($"http://0.0.0.0:{port}", environment["ASPNETCORE_URLS"]);
        Assert.Equal(string.Empty, environment["ASPNETCORE_HTTP_PORTS"]);
        Assert.Contains($"/dev/tcp/127.0.0.1/{port}", string.Join(' ', dockerfile.HealthCheckCommand()));
        Assert.Contains("GET /health ", string.Join(' ', dockerfile.HealthCheckCommand()));
        Assert.True(ServiceSources.Read("ConnectionStrings__Tickets"), $"{project} image sets a connection string nobody reads");
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void Everything_the_image_copies_from_the_context_exists_and_is_not_docker_ignored(string path)
    {
        var (project, _) = Describe(path);
        var ignored = File.ReadAllLines(RepoPaths.File(".dockerignore"))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToList();
        var copies = Dockerfile.Load(path).Instructions.Where(i => i.Keyword == "COPY" && !i.Arguments.StartsWith("--from", StringComparison.Ordinal));

        var sources = copies.SelectMany(c => c.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipLast(1)).ToList();
        Assert.Contains($"{project}/", sources);
        Assert.All(sources, source =>
        {
            Assert.True(File.Exists(RepoPaths.File(source)) || Directory.Exists(RepoPaths.File(source)), $"{path} copies {source}, which is not in the repository");
            Assert.DoesNotContain(source.TrimEnd('/'), ignored.Select(p => p.TrimEnd('/')));
        });
        // The root build settings must reach the build, or the image compiles with other rules than CI.
        Assert.All((string[])["global.json", "Directory.Build.props", "Directory.Packages.props", ".editorconfig"], file => Assert.Contains(file, sources));
    }

    [Theory]
    [MemberData(nameof(Images))]
    public async Task The_health_check_command_passes_on_200_and_fails_on_503_or_a_closed_port(string path)
    {
        var (_, port) = Describe(path);
        var command = Dockerfile.Load(path).HealthCheckCommand();
        var status = StatusCodes.Status200OK;
        await using var server = await StartHealthServerAsync(() => status);
        var local = server.Urls.Single();
        var localPort = new Uri(local).Port;

        // The same command the image runs, pointed at this test's port instead of the container's.
        string[] probe = [.. command.Select(part => part.Replace($"/127.0.0.1/{port}", $"/127.0.0.1/{localPort}", StringComparison.Ordinal))];
        Assert.Equal(0, await RunAsync(probe));
        status = StatusCodes.Status503ServiceUnavailable;
        Assert.NotEqual(0, await RunAsync(probe));
        string[] closed = [.. command.Select(part => part.Replace($"/127.0.0.1/{port}", $"/127.0.0.1/{FreePort.Get()}", StringComparison.Ordinal))];
        Assert.NotEqual(0, await RunAsync(closed));
    }

    private static async Task<WebApplication> StartHealthServerAsync(Func<int> status)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/health", () => Results.StatusCode(status()));
        await app.StartAsync();
        return app;
    }

    private static async Task<int> RunAsync(string[] command)
    {
        using var process = Process.Start(new ProcessStartInfo(command[0], command[1..]) { UseShellExecute = false })!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }
}
