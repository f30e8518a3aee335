using System.Diagnostics;
using System.Text.Json;
using AgentTickets.Testing;

namespace Deployment.Tests.Containers;

/// <summary>
/// The container settings tried on the real services without Docker: started with the ENV its
/// Dockerfile sets, each must listen on every interface (loopback alone is unreachable from outside a
/// container) and pass the image's own HEALTHCHECK command; and the empty values compose passes for
/// an unconfigured model must leave the agent host on its offline planner.
/// </summary>
public sealed class ContainerEnvironmentTests
{
    [Fact]
    public Task The_agent_host_with_its_image_environment_listens_on_every_interface_and_passes_its_health_check() =>
        CheckAsync("AgentHost/Dockerfile", 8100, ServiceProcess.StartAgentHostAsync);

    [Fact]
    public Task The_ticket_api_with_its_image_environment_listens_on_every_interface_and_passes_its_health_check() =>
        CheckAsync("TicketApi/Dockerfile", 8000, ServiceProcess.StartTicketApiAsync);

    [Fact]
    public async Task The_agent_host_given_the_empty_model_variables_compose_passes_answers_with_the_offline_planner()
    {
        var config = await ComposeConfig.LoadAsync();
        var empty = config.Environment("agent_host").Where(pair => pair.Value.Length == 0).Select(pair => pair.Key).ToList();
        Assert.Contains("AZURE_OPENAI_ENDPOINT", empty);
        await using var host = await ServiceProcess.StartAgentHostAsync((_, _) => empty.ToDictionary(name => name, _ => (string?)string.Empty));

        // The whole SSE stream: the host ends it after its end frame (docs/chat-sse.md).
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var stream = await http.GetStringAsync(new Uri(host.Url, "/chat?message=hello"));
        var frames = stream.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        var answer = string.Concat(frames
            .Where(frame => frame.StartsWith("event: token\n", StringComparison.Ordinal))
            .Select(frame => JsonDocument.Parse(frame[(frame.IndexOf("data: ", StringComparison.Ordinal) + 6)..]).RootElement.GetProperty("delta").GetString()));

        Assert.Contains("offline planner", answer);
        Assert.StartsWith("event: end\n", frames[^1]);
    }

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
