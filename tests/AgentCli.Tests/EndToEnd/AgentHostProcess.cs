using System.Reflection;
using AgentCli.Tests.Support;

namespace AgentCli.Tests.EndToEnd;

/// <summary>
/// The real agent host (the built AgentHost.dll) on a free loopback port, with its own SQLite file
/// and no model configured, so its offline planner answers: what "dotnet run --project AgentHost" gives
/// a newcomer, isolated from the developer's environment.
/// </summary>
internal sealed class AgentHostProcess : IAsyncDisposable
{
    /// <summary>Everything that would point the host at a model, another ticket service or another address.</summary>
    private static readonly string[] Cleared =
    [
        "AZURE_OPENAI_ENDPOINT", "AZURE_OPENAI_API_KEY", "AZURE_OPENAI_API_VERSION", "AZURE_OPENAI_CHAT_DEPLOYMENT",
        "AZURE_OPENAI_CHAT_DEPLOYMENT_MINI", "OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_MODEL", "TICKET_API_URL",
        "MCP_READ_ONLY", "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "DOTNET_URLS",
    ];

    private readonly ChildProcess _process;
    private readonly DirectoryInfo _data;

    private AgentHostProcess(ChildProcess process, DirectoryInfo data, Uri url)
    {
        _process = process;
        _data = data;
        Url = url;
    }

    public Uri Url { get; }

    public string Log => _process.OutText + _process.ErrorText;

    /// <summary>Starts the host; <paramref name="overrides"/> replace variables (a null value removes one).</summary>
    public static async Task<AgentHostProcess> StartAsync(Func<int, string, IReadOnlyDictionary<string, string?>>? overrides = null)
    {
        var dll = typeof(AgentHostProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "AgentHostDll").Value!;
        Assert.True(File.Exists(dll), $"the agent host is not built at {dll}");
        var port = FreePort.Get();
        var data = Directory.CreateTempSubdirectory("agenttickets-e2e-");
        var environment = Cleared.ToDictionary(name => name, _ => (string?)null);
        environment["AGENT_PORT"] = port.ToString();
        environment["ConnectionStrings__Tickets"] = $"Data Source={Path.Combine(data.FullName, "tickets.db")}";
        foreach (var (name, value) in overrides?.Invoke(port, data.FullName) ?? new Dictionary<string, string?>())
        {
            environment[name] = value;
        }

        // The host's own folder as working directory, so its appsettings.json is found as with dotnet run.
        var process = ChildProcess.Start("dotnet", [dll], environment, Path.GetDirectoryName(dll));
        var host = new AgentHostProcess(process, data, new Uri($"http://127.0.0.1:{port}"));
        await host.WaitUntilHealthyAsync();
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        _data.Delete(recursive: true);
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

            Assert.False(_process.HasExited, $"the agent host exited before it became healthy. Its output: {Log}");
            Assert.True(DateTime.UtcNow < deadline, $"the agent host did not become healthy at {Url}. Its output: {Log}");
            await Task.Delay(200);
        }
    }
}
