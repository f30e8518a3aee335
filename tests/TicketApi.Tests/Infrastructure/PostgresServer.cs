using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using TicketApi.Data;

namespace TicketApi.Tests.Infrastructure;

/// <summary>
/// A real PostgreSQL server for the test run: <c>initdb</c> + <c>pg_ctl</c> from the installed server
/// binaries into a temporary folder, on a free loopback port, with its socket directory inside that
/// folder; stopped and deleted at the end. Each test gets a fresh database copied from a migrated
/// template (CREATE DATABASE ... TEMPLATE takes milliseconds). initdb refuses to run as root, so as
/// root the server runs as the <c>postgres</c> user. Durability is off (fsync): a test server has no
/// data worth a power cut. See docs/storage.md, "Testing on both stores".
/// </summary>
public sealed class PostgresServer : TicketStoreFixture, IDisposable
{
    private const string Template = "tickets_template";
    private readonly string _folder;
    private readonly string _bin;
    private readonly bool _asPostgresUser;

    public PostgresServer()
    {
        _bin = FindBinaries();
        _folder = Path.Combine(Path.GetTempPath(), "agenttickets-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_folder, "socket"));
        _asPostgresUser = Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root";
        if (_asPostgresUser)
        {
            Run("chown", ["-R", "postgres", _folder], asPostgres: false);
        }
        Port = FreePort();
        try
        {
            Run(Path.Combine(_bin, "initdb"),
                ["-D", DataFolder, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"]);
            Run(Path.Combine(_bin, "pg_ctl"),
                ["-D", DataFolder, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60", "start", "-o",
                 $"-p {Port} -k {Path.Combine(_folder, "socket")} -c listen_addresses=127.0.0.1 -c max_connections=300 " +
                 "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"]);
            Execute(ConnectionStringFor("postgres"), $"CREATE DATABASE {Template}");
            using (var dataSource = NpgsqlDataSource.Create(ConnectionStringFor(Template)))
            {
                PostgresSchemaMigrator.MigrateAsync(dataSource, CancellationToken.None).GetAwaiter().GetResult();
            }
            NpgsqlConnection.ClearAllPools(); // a template must have no open connections to be copied
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public int Port { get; }

    public override TicketStoreKind Kind => TicketStoreKind.PostgreSql;

    private string DataFolder => Path.Combine(_folder, "data");

    public string ConnectionStringFor(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Include Error Detail=true";

    public override string CreateDatabase()
    {
        var name = "t_" + Guid.NewGuid().ToString("N");
        Execute(ConnectionStringFor("postgres"), $"CREATE DATABASE {name} TEMPLATE {Template}");
        return ConnectionStringFor(name);
    }

    /// <summary>An empty database with no schema at all, for the upgrade tests to build an old one in.</summary>
    public string CreateEmptyDatabase()
    {
        var name = "e_" + Guid.NewGuid().ToString("N");
        Execute(ConnectionStringFor("postgres"), $"CREATE DATABASE {name} TEMPLATE template0");
        return ConnectionStringFor(name);
    }

    public override void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }
        Execute(ConnectionStringFor("postgres"), $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    public static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        if (File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
        {
            NpgsqlConnection.ClearAllPools();
            Run(Path.Combine(_bin, "pg_ctl"), ["-D", DataFolder, "-w", "-t", "60", "stop", "-m", "immediate"]);
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp folder; nothing else depends on it.
        }
    }

    /// <summary>The newest installed server's bin folder, e.g. /usr/lib/postgresql/15/bin.</summary>
    private static string FindBinaries()
    {
        const string root = "/usr/lib/postgresql";
        var bin = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(dir => (Dir: dir, Version: double.TryParse(Path.GetFileName(dir), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : -1))
                .Where(candidate => candidate.Version >= 0 && File.Exists(Path.Combine(candidate.Dir, "bin", "initdb")))
                .OrderByDescending(candidate => candidate.Version)
                .Select(candidate => Path.Combine(candidate.Dir, "bin"))
                .FirstOrDefault()
            : null;
        return bin ?? throw new InvalidOperationException(
            "The PostgreSQL contract tests need a PostgreSQL server's binaries (initdb, pg_ctl) under " +
            "/usr/lib/postgresql/<version>/bin, and none were found. Install the 'postgresql' package " +
            "(tests/run.sh does this on Debian/Ubuntu).");
    }

    private void Run(string program, string[] arguments, bool asPostgres = true)
    {
        var start = new ProcessStartInfo
        {
            FileName = asPostgres && _asPostgresUser ? "runuser" : program,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _folder,
        };
        if (asPostgres && _asPostgresUser)
        {
            foreach (var argument in (string[])["-u", "postgres", "--", program])
            {
                start.ArgumentList.Add(argument);
            }
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} did not finish within 120 s.");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{output.Result}\n{error.Result}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>One server for every PostgreSQL test class; their tests run one class at a time.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresServerGroup : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}
