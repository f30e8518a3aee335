using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TicketApi.Data;

/// <summary>
/// Once per physical connection: relaxes fsync to once per checkpoint (safe in WAL mode: a crash loses no
/// committed transaction, a power cut at most the last few), and maps the file into memory so reads of
/// pages outside the connection's small cache cost no system call (random GETs by id ran at half speed
/// without it), and lets SQLite itself wait for a writer of another process (up to 10 s) instead of
/// failing. The pragmas are a statement round trip, too dear to repeat for every pooled open.
/// </summary>
public sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    private static readonly ConditionalWeakTable<object, object> Prepared = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
        Prepare((SqliteConnection)connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Prepare((SqliteConnection)connection);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Registers <c>casefold</c> on an open connection. Only Unicode substring filters need it, and
    /// Microsoft.Data.Sqlite drops a connection's functions when it closes, so callers register it right
    /// before such a query, on a connection they keep open for it.
    /// </summary>
    public static void RegisterCasefold(SqliteConnection connection) =>
        connection.CreateFunction("casefold", (string? value) => value?.ToLowerInvariant(), isDeterministic: true);

    /// <summary>A pooled connection for the plain-SQL reads, prepared like EF's.</summary>
    public static async Task<SqliteConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            Prepare(connection);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public static void Prepare(SqliteConnection connection)
    {
        var handle = connection.Handle!;
        if (Prepared.TryGetValue(handle, out _))
        {
            return;
        }
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA mmap_size = 1073741824; PRAGMA busy_timeout = 10000;";
        pragma.ExecuteNonQuery();
        Prepared.AddOrUpdate(handle, handle);
    }
}
