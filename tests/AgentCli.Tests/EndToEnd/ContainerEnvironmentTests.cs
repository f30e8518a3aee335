using System.Diagnostics;
using AgentCli.Tests.Containers;

namespace AgentCli.Tests.EndToEnd;

/// <summary>
/// Each image's settings tried on the real service without Docker: started with the ENV its
/// Dockerfile sets, it must listen on every interface (loopback alone is unreachable from outside a
/// container) and pass the image's own HEALTHCHECK command.
/// </summary>
public sealed class ContainerEnvironmentTests
{
    [Fact]
    public Task The_agent_host_with_its_image_environment_listens_on_every_interface_and_passes_its_health_check() =>
        CheckAsync("AgentHost/Dockerfile", 8100, ServiceProcess.StartAgentHostAsync);

    [Fact]
    public Task The_ticket_api_with_its_image_environment_listens_on_every_interface_and_passes_its_health_check() =>
        CheckAsync("TicketApi/Dockerfile", 8000, ServiceProcess.StartTicketApiAsync);

    private static async Task CheckAsync(
        string dockerfile, int imagePort, Func<Func<int, string, IReadOnlyDictionary<string, string?>>, Task<ServiceProcess>> start)
    {
        var image = Dockerfile.Load(dockerfile);
        var imageEnvironment = image.FinalEnvironment();
        await using var service = await start((port, data) => imageEnvironment.ToDictionary(
            pair => pair.Key,
            pair => (string?)(pair.Key switch
            {
                // Same settings, this test's free port and scratch folder instead of the image's port and /data.
                "ASPNETCORE_URLS" => pair.Value.Replace($":{imagePort}", $":{port}", StringComparison.Ordinal),
                "ConnectionStrings__Tickets" => pair.Value.Replace("/data/", $"{data}/", StringComparison.Ordinal),
                _ => pair.Value,
            })));

        Assert.Contains($"Now listening on: http://0.0.0.0:{service.Url.Port}", service.Log);
        string[] probe = [.. image.HealthCheckCommand().Select(part => part.Replace($"/127.0.0.1/{imagePort}", $"/127.0.0.1/{service.Url.Port}", StringComparison.Ordinal))];
        using var check = Process.Start(new ProcessStartInfo(probe[0], probe[1..]) { UseShellExecute = false })!;
        await check.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(0, check.ExitCode);
    }
}
