using AgentTickets.Testing;
using Deployment.Tests.Support;

namespace Deployment.Tests.Containers;

/// <summary>
/// The PostgreSQL mode's health check command, as compose renders it, run by <c>sh -c</c> the way
/// CMD-SHELL runs it, against a real PostgreSQL server: it must pass while the server accepts TCP
/// connections and fail before it does, or the ticket service would start against no database.
/// </summary>
public sealed class PostgresHealthCheckTests
{
    [Fact]
    public async Task The_postgres_health_check_fails_before_the_server_listens_and_passes_once_it_does()
    {
        var config = await ComposeConfig.LoadAsync(ComposeConfig.Postgres, new Dictionary<string, string> { ["POSTGRES_PASSWORD"] = ComposeConfig.TestPassword });
        var test = config.HealthCheckTest("postgres");
        Assert.Equal("CMD-SHELL", test[0]);
        await using var server = await LocalPostgres.InitAsync(user: "tickets");
        // The image's server listens on 5432; this one on a free port, which is the only change made.
        var command = $"{test[1]} --port={server.Port}";

        Assert.NotEqual(0, await RunAsync(command, server.BinDirectory));
        await server.StartAsync();
        Assert.Equal(0, await RunAsync(command, server.BinDirectory));
    }

    private static async Task<int> RunAsync(string command, string postgresBin)
    {
        // The official image has pg_isready on PATH; Debian keeps it beside the server binaries.
        var path = $"{postgresBin}{Path.PathSeparator}{Environment.GetEnvironmentVariable("PATH")}";
        await using var run = ChildProcess.Start(RequiredTool.Find("sh"), ["-c", command], new Dictionary<string, string?> { ["PATH"] = path });
        return await run.WaitForExitAsync(TimeSpan.FromSeconds(30));
    }
}
