using AgentTickets.Testing;

namespace Deployment.Tests.Support;

/// <summary>
/// A throw-away PostgreSQL server from Debian's <c>postgresql</c> package (tests/run.sh installs it):
/// initdb into a temporary folder, started on a free loopback port. initdb refuses to run as root, so as
/// root every server command runs as the package's <c>postgres</c> user.
/// </summary>
internal sealed class LocalPostgres : IAsyncDisposable
{
    private readonly DirectoryInfo _folder;
    private bool _running;

    private LocalPostgres(string binDirectory, DirectoryInfo folder, int port)
    {
        BinDirectory = binDirectory;
        _folder = folder;
        Port = port;
    }

    /// <summary>Where initdb, pg_ctl and pg_isready are (not on PATH in Debian's layout).</summary>
    public string BinDirectory { get; }

    public int Port { get; }

    private string DataDirectory => Path.Combine(_folder.FullName, "data");

    /// <summary>A new cluster whose superuser is <paramref name="user"/>, not yet started.</summary>
    public static async Task<LocalPostgres> InitAsync(string user)
    {
        var initdb = Directory.Exists("/usr/lib/postgresql")
            ? Directory.EnumerateFiles("/usr/lib/postgresql", "initdb", SearchOption.AllDirectories).Order(StringComparer.Ordinal).LastOrDefault()
            : null;
        Assert.True(initdb is not null, "PostgreSQL is not installed (no initdb). Run the tests with 'bash tests/run.sh', which installs it; see docs/testing.md.");
        var folder = Directory.CreateTempSubdirectory("postgres-");
        if (IsRoot && !OperatingSystem.IsWindows())
        {
            // The server runs as postgres and needs to write here.
            File.SetUnixFileMode(folder.FullName, (UnixFileMode)0b111_111_111);
        }

        var server = new LocalPostgres(Path.GetDirectoryName(initdb)!, folder, FreePort.Get());
        await server.RunAsync("initdb", "--pgdata", server.DataDirectory, "--username", user, "--auth", "trust", "--no-sync");
        return server;
    }

    public async Task StartAsync()
    {
        await RunAsync(
            "pg_ctl", "--pgdata", DataDirectory, "--wait", "--log", Path.Combine(_folder.FullName, "server.log"),
            "--options", $"-p {Port} -c listen_addresses=127.0.0.1 -k {_folder.FullName}", "start");
        _running = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_running)
        {
            await RunAsync("pg_ctl", "--pgdata", DataDirectory, "--mode", "immediate", "stop");
        }

        _folder.Delete(recursive: true);
    }

    private static bool IsRoot => Environment.UserName == "root";

    private async Task RunAsync(string tool, params string[] arguments)
    {
        var path = Path.Combine(BinDirectory, tool);
        await using var run = IsRoot
            ? ChildProcess.Start(RequiredTool.Find("runuser"), ["-u", "postgres", "--", path, .. arguments], workingDirectory: _folder.FullName)
            : ChildProcess.Start(path, arguments, workingDirectory: _folder.FullName);
        var exitCode = await run.WaitForExitAsync(TimeSpan.FromSeconds(120));
        Assert.True(exitCode == 0, $"{tool} failed ({exitCode}): {run.OutText} {run.ErrorText}");
    }
}
