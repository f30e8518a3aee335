using System.Diagnostics;
using AgentCli.Tests.Containers;

namespace AgentCli.Tests.EndToEnd;

/// <summary>
/// The agent host image's settings tried on the real host without Docker: started with the ENV its
/// Dockerfile sets, it must listen on every interface (loopback alone is unreachable from outside a
/// container) and pass the image's own HEALTHCHECK command.
/// </summary>
public sealed class ContainerEnvironmentTests
{
    [Fact]
    public async Task The_agent_host_with_its_image_environment_listens_on_every_interface_and_passes_its_health_check()
    {
        var image = Dockerfile.Load("AgentHost/Dockerfile");
        var imageEnvironment = image.FinalEnvironment();
        await using var host = await AgentHostProcess.StartAsync((port, data) => imageEnvironment.ToDictionary(
            pair => pair.Key,
            pair => (string?)(pair.Key switch
            {
                // Same settings, this test's free port and scratch folder instead of 8100 and /data.
                "ASPNETCORE_URLS" => pair.Value.Replace(":8100", $":{port}", StringComparison.Ordinal),
                "ConnectionStrings__Tickets" => pair.Value.Replace("/data/", $"{data}/", StringComparison.Ordinal),
                _ => pair.Value,
            })));

        Assert.Contains($"Now listening on: http://0.0.0.0:{host.Url.Port}", host.Log);
        string[] probe = [.. image.HealthCheckCommand().Select(part => part.Replace("/127.0.0.1/8100", $"/127.0.0.1/{host.Url.Port}", StringComparison.Ordinal))];
        using var check = Process.Start(new ProcessStartInfo(probe[0], probe[1..]) { UseShellExecute = false })!;
        await check.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(0, check.ExitCode);
    }
}
