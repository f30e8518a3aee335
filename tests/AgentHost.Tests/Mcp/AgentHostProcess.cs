using System.Diagnostics;
using ModelContextProtocol.Client;

namespace AgentHost.Tests.Mcp;

/// <summary>
/// Launches the built AgentHost (<c>dotnet AgentHost.dll --mcp-stdio</c>) the way an assistant does, with its
/// own temporary working directory and database, so tests see the real process boundary.
/// </summary>
internal sealed class AgentHostProcess : IDisposable
{
    public AgentHostProcess()
    {
        Directory.CreateDirectory(WorkingDirectory);
    }

    public static string AgentHostDll => Path.Combine(AppContext.BaseDirectory, "AgentHost.dll");

    public string WorkingDirectory { get; } = Path.Combine(Path.GetTempPath(), "agenthost-mcp-" + Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(WorkingDirectory, "tickets.db");

    /// <summary>The environment the child gets: a private database, and nothing pointing at another service.</summary>
    public Dictionary<string, string?> Environment(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__Tickets"] = $"Data Source={DatabasePath}",
            ["TICKET_API_URL"] = null,
            ["MCP_READ_ONLY"] = null,
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            environment[key] = value;
        }

        return environment;
    }

    public StdioClientTransport ClientTransport(List<string> stderr, IReadOnlyDictionary<string, string?>? extra = null) =>
        new(new StdioClientTransportOptions
        {
            Name = "agenthost-stdio",
            Command = "dotnet",
            Arguments = [AgentHostDll, "--mcp-stdio"],
            WorkingDirectory = WorkingDirectory,
            EnvironmentVariables = Environment(extra),
            StandardErrorLines = line =>
            {
                lock (stderr)
                {
                    stderr.Add(line);
                }
            },
        });

    public Process StartRaw(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = WorkingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(AgentHostDll);
        start.ArgumentList.Add("--mcp-stdio");
        foreach (var (key, value) in Environment(extra))
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(WorkingDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A child that is still closing its database may hold the file for a moment; the OS cleans temp.
        }
    }
}
