using System.Data.Common;
using TicketApi.Data;

namespace AgentHost.Chat.Sessions.Storage;

/// <summary>
/// Creates and upgrades the chat-session tables, on SQLite and PostgreSQL alike (docs/chat-sse.md, "Where
/// sessions are stored"). Versioned by its own table <c>chat_session_schema</c>, not by the ticket schema's
/// steps, so the two evolve independently in one database. Steps are only ever appended. The creating
/// transaction is exclusive (SQLite <c>BEGIN IMMEDIATE</c>, PostgreSQL an advisory lock), so hosts starting
/// together take turns and the creation is idempotent.
/// </summary>
public static class ChatSessionSchema
{
    /// <summary>Arbitrary, fixed: the advisory lock key of this schema's migrations ("chat" in ASCII).</summary>
    private const long PostgresLockKey = 0x63686174;

    // Times are integer microseconds since 1970-01-01 UTC on both stores: one SQL text serves both.
    private static readonly string[] Steps =
    [
        """
        CREATE TABLE chat_sessions (
            id TEXT PRIMARY KEY,
            created BIGINT NOT NULL,
            last_used BIGINT NOT NULL,
            version BIGINT NOT NULL,
            turn_count INTEGER NOT NULL,
            turn_started BIGINT NULL,
            history TEXT NOT NULL,
            pending TEXT NULL,
            ticket_ids TEXT NOT NULL
        );
        CREATE INDEX ix_chat_sessions_last_used ON chat_sessions (last_used);
        CREATE TABLE chat_session_turns (
            session_id TEXT NOT NULL REFERENCES chat_sessions (id) ON DELETE CASCADE,
            turn INTEGER NOT NULL,
            position INTEGER NOT NULL,
            role TEXT NOT NULL,
            text TEXT NOT NULL,
            tool_calls TEXT NOT NULL,
            at BIGINT NOT NULL,
            PRIMARY KEY (session_id, turn, position)
        );
        """,
        // Sessions belong to the person who opened them (docs/chat-sse.md, "Whose session it is"). Rows stored before
        // this step were made when the host had no accounts, that is as local mode's admin: they become the local
        // admin's, which one statement with a default says on both stores (SQLite cannot add a NOT NULL column without one).
        $"ALTER TABLE chat_sessions ADD COLUMN owner_id TEXT NOT NULL DEFAULT '{TicketApi.Accounts.Actor.LocalAdminId}'",
    ];

    public static int LatestVersion => Steps.Length;

    /// <summary>Applies the steps the database has not seen; refuses a database newer than this build.</summary>
    public static async Task MigrateAsync(ChatSessionDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var connection = await database.OpenAsync(cancellationToken);
        if (database.Kind == TicketStoreKind.Sqlite)
        {
            // A file of its own (remote ticket service) is otherwise in rollback-journal mode, where every turn's
            // two writes wait for fsync: 18 ms each instead of well under one. WAL is a setting of the file, kept
            // once made (the ticket database already has it), and cannot change inside a transaction.
            await using var wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode = WAL";
            await wal.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var transaction = await ChatSessionDatabase.BeginWriteAsync(connection, cancellationToken);
        if (database.Kind == TicketStoreKind.PostgreSql)
        {
            await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({PostgresLockKey})", cancellationToken);
        }

        await ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS chat_session_schema (version INTEGER NOT NULL)", cancellationToken);
        await using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT MAX(version) FROM chat_session_schema";
        var current = await read.ExecuteScalarAsync(cancellationToken) is { } value and not DBNull ? Convert.ToInt32(value) : 0;
        if (current > LatestVersion)
        {
            throw new InvalidOperationException(
                $"The chat session schema is version {current}, newer than this build knows ({LatestVersion}); refusing to write to it.");
        }

        foreach (var step in Steps.Skip(current))
        {
            await ExecuteAsync(connection, transaction, step, cancellationToken);
        }

        if (current < LatestVersion)
        {
            await ExecuteAsync(connection, transaction, "DELETE FROM chat_session_schema", cancellationToken);
            await ExecuteAsync(connection, transaction, $"INSERT INTO chat_session_schema (version) VALUES ({LatestVersion})", cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // the text is this class's own constants, never input
        command.CommandText = sql;
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
