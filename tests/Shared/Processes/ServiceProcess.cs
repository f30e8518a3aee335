using System.Reflection;

namespace AgentTickets.Testing;

/// <summary>
/// A real service process (the built AgentHost.dll or TicketApi.dll) on a free loopback port, with its
/// own SQLite file and no model configured, so the agent host's offline planner answers: what
/// "dotnet run --project AgentHost" gives a newcomer, isolated from the developer's environment.
/// The test project says where the built services are with AssemblyMetadata items AgentHostDll and
/// TicketApiDll (see its .csproj).
/// </summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    /// <summary>Everything that would point a service at a model, another ticket service or another address.</summary>
    private static readonly string[] Cleared =
    [
        "AZURE_OPENAI_ENDPOINT", "AZURE_OPENAI_API_KEY", "AZURE_OPENAI_API_VERSION", "AZURE_OPENAI_CHAT_DEPLOYMENT",
        "AZURE_OPENAI_CHAT_DEPLOYMENT_MINI", "OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_MODEL", "TICKET_API_URL",
        "MCP_READ_ONLY", "AGENT_PORT", "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "DOTNET_URLS",
    ];

    private readonly ChildProcess _process;
    private readonly DirectoryInfo _data;

    private ServiceProcess(ChildProcess process, DirectoryInfo data, Uri url)
    {
        _process = process;
        _data = data;
        Url = url;
    }

    public Uri Url { get; }

    public string Log => _process.OutText + _process.ErrorText;

    /// <summary>
    /// The agent host on AGENT_PORT; <paramref name="overrides"/> (given the port and a scratch folder)
    /// replace variables, a null value removing one.
    /// </summary>
    public static Task<ServiceProcess> StartAgentHostAsync(Func<int, string, IReadOnlyDictionary<string, string?>>? overrides = null) =>
        StartAsync("AgentHostDll", port => new() { ["AGENT_PORT"] = port.ToString() }, overrides);

    /// <summary>The stand-alone ticket service, on the port given by ASPNETCORE_URLS as its image does.</summary>
    public static Task<ServiceProcess> StartTicketApiAsync(Func<int, string, IReadOnlyDictionary<string, string?>>? overrides = null) =>
        StartAsync("TicketApiDll", port => new() { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" }, overrides);

    /// <summary>The stand-alone ticket service on the SQLite file <paramref name="database"/>, which outlives the process.</summary>
    public static Task<ServiceProcess> StartTicketApiOnAsync(string database) =>
        StartTicketApiAsync((_, _) => new Dictionary<string, string?> { ["ConnectionStrings__Tickets"] = $"Data Source={database}" });

    /// <summary>kill -9: the service gets no chance to shut down, flush or checkpoint.</summary>
    public Task KillAsync() => _process.KillAsync();

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        _data.Delete(recursive: true);
    }

    private static async Task<ServiceProcess> StartAsync(
        string dllKey,
        Func<int, Dictionary<string, string?>> listen,
        Func<int, string, IReadOnlyDictionary<string, string?>>? overrides)
    {
        var dll = typeof(ServiceProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == dllKey).Value!;
        Assert.True(File.Exists(dll), $"the service is not built at {dll}");
        var port = FreePort.Get();
        var data = Directory.CreateTempSubdirectory("agenttickets-e2e-");
        var environment = Cleared.ToDictionary(name => name, _ => (string?)null);
        environment["ConnectionStrings__Tickets"] = $"Data Source={Path.Combine(data.FullName, "tickets.db")}";
        foreach (var (name, value) in listen(port).Concat(overrides?.Invoke(port, data.FullName) ?? new Dictionary<string, string?>()))
        {
            environment[name] = value;
        }

        // The service's own folder as working directory, so its appsettings.json is found as with dotnet run.
        var process = ChildProcess.Start("dotnet", [dll], environment, Path.GetDirectoryName(dll));
        var service = new ServiceProcess(process, data, new Uri($"http://127.0.0.1:{port}"));
        await service.WaitUntilHealthyAsync();
        return service;
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(Url, "/health"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but slow to answer its first request (JIT, schema check) on a busy machine: a
                // timed-out probe is asked again, like a refused connection, until the deadline.
            }

            Assert.False(_process.HasExited, $"the service exited before it became healthy. Its output: {Log}");
            Assert.True(DateTime.UtcNow < deadline, $"the service did not become healthy at {Url}. Its output: {Log}");
            await Task.Delay(200);
        }
    }
}
