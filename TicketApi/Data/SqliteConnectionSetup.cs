using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TicketApi.Data;

/// <summary>
/// Prepares each opened connection: registers <c>casefold</c> and relaxes fsync to once per checkpoint
/// (safe in WAL mode: a crash loses no committed transaction, a power cut at most the last few).
/// </summary>
public sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
        Prepare((SqliteConnection)connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Prepare((SqliteConnection)connection);
        return Task.CompletedTask;
    }

    internal static void Prepare(SqliteConnection connection)
    {
        connection.CreateFunction("casefold", (string? value) => SqlFunctions.CasefoldImplementation(value), isDeterministic: true);
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous = NORMAL;";
        pragma.ExecuteNonQuery();
    }
}
