using System.Diagnostics;
using AgentHost.Tests.Mcp;

namespace AgentHost.Tests.Endpoints;

/// <summary><c>dotnet run --project AgentHost -- create-admin &lt;email&gt;</c> (docs/accounts.md, "First admin"), as a real process.</summary>
public sealed class CreateAdminCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("agenthost-create-admin-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Create_admin_makes_the_admin_in_the_embedded_database_and_prints_a_one_time_password_once()
    {
        var (code, output, error) = await RunAsync(new Dictionary<string, string?>(), "create-admin", "boss@example.com");

        Assert.True(code == 0, $"exit {code}: {output}{error}");
        Assert.Contains("Created admin boss@example.com. One-time password (shown once): ", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_folder.FullName, "tickets.db")));
    }

    [Fact]
    public async Task Create_admin_with_TICKET_API_URL_exits_2_because_this_host_keeps_no_accounts()
    {
        var (code, output, error) = await RunAsync(new Dictionary<string, string?> { ["TICKET_API_URL"] = "http://127.0.0.1:9" }, "create-admin", "boss@example.com");

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains("run create-admin where the ticket database is", error, StringComparison.Ordinal);
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(Dictionary<string, string?> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _folder.FullName };
        info.ArgumentList.Add(AgentHostProcess.AgentHostDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["ConnectionStrings__Tickets"] = $"Data Source={Path.Combine(_folder.FullName, "tickets.db")}";
        info.Environment["TICKET_API_URL"] = null;
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, await output, await error);
    }
}
