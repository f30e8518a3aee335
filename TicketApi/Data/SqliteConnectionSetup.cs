using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TicketApi.Data;

/// <summary>
/// Prepares opened connections: registers <c>casefold</c> (Microsoft.Data.Sqlite drops a connection's
/// functions when it closes, so on every open) and, once per physical connection, relaxes fsync to once
/// per checkpoint (safe in WAL mode: a crash loses no committed transaction, a power cut at most the
/// last few). The pragma is a statement round trip, too dear to repeat for every pooled open.
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

    internal static void Prepare(SqliteConnection connection)
    {
        connection.CreateFunction("casefold", (string? value) => SqlFunctions.CasefoldImplementation(value), isDeterministic: true);
        var handle = connection.Handle!;
        if (Prepared.TryGetValue(handle, out _))
        {
            return;
        }
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous = NORMAL;";
        pragma.ExecuteNonQuery();
        Prepared.AddOrUpdate(handle, handle);
    }
}
