using System.Data.Common;
using AgentHost.Hosting;
using Microsoft.Data.Sqlite;
using Npgsql;
using TicketApi.Data;

namespace AgentHost.Chat.Sessions.Storage;

/// <summary>
/// Where chat sessions are stored (docs/chat-sse.md, "Where sessions are stored"): with the embedded ticket
/// service, the tickets' own database (<c>ConnectionStrings:Tickets</c>); with a remote one
/// (<c>TICKET_API_URL</c>), <c>ConnectionStrings:ChatSessions</c>, by default the SQLite file
/// <c>data/chat-sessions.db</c>. The connection string's shape picks SQLite or PostgreSQL, as for tickets.
/// </summary>
public sealed class ChatSessionDatabase : IAsyncDisposable, IDisposable
{
    public const string DefaultConnectionString = "Data Source=data/chat-sessions.db";

    private readonly NpgsqlDataSource? _postgres;

    public ChatSessionDatabase(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        // TicketDatabaseOptions knows the two shapes (and turns a postgres:// URL into key-value form).
        var options = new TicketDatabaseOptions { ConnectionString = connectionString };
        Kind = options.Kind;
        ConnectionString = options.ConnectionString;
        if (Kind == TicketStoreKind.PostgreSql)
        {
            _postgres = NpgsqlDataSource.Create(ConnectionString);
        }
        else
        {
            options.EnsureFolderExists();
        }
    }

    public TicketStoreKind Kind { get; }

    public string ConnectionString { get; }

    /// <summary>The connection string the host's configuration names for sessions (see the class summary).</summary>
    public static string ConnectionStringFrom(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return AgentHostingExtensions.EmbedsTicketService(configuration)
            ? configuration.GetConnectionString("Tickets") ?? TicketDatabaseOptions.DefaultConnectionString
            : configuration.GetConnectionString("ChatSessions") ?? DefaultConnectionString;
    }

    /// <summary>An open pooled connection; on SQLite prepared like the ticket store's, with foreign keys on (transcripts cascade).</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(cancellationToken);
        }

        var connection = await SqliteConnectionSetup.OpenAsync(ConnectionString, cancellationToken);
        try
        {
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA foreign_keys = ON";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>A write transaction; on SQLite <c>BEGIN IMMEDIATE</c>, so a read-then-write never meets SQLITE_BUSY half way.</summary>
    public static async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: false)
            : await connection.BeginTransactionAsync(cancellationToken);
    }

    /// <summary>Both forms: a service provider disposed synchronously refuses a singleton that is only IAsyncDisposable.</summary>
    public void Dispose() => _postgres?.Dispose();

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }
}
