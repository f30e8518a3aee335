using System.Data.Common;
using Microsoft.Extensions.Options;
using TicketApi.Data;

namespace AgentHost.Chat.Sessions.Storage;

/// <summary>
/// The stored sessions (docs/chat-sse.md, "Where sessions are stored"). A turn <em>claims</em> its session
/// (bumping the row's version and marking the turn as running), and saves its results only if the version is
/// still the one its claim wrote: two hosts on one database cannot both answer one session or overwrite each
/// other's history. A claim whose host died is taken over once <see cref="ChatSessionOptions.TurnLease"/> has
/// passed. New sessions sweep: expired sessions go, then the least recently used beyond
/// <see cref="ChatSessionOptions.MaxSessions"/>. One SQL text serves both stores except where noted.
/// </summary>
public sealed class ChatSessionRepository(ChatSessionDatabase database, IOptions<ChatSessionOptions> options)
{
    private const long SweepLockKey = 0x63686174_7377; // "chatsw": one sweeper at a time on PostgreSQL

    private readonly ChatSessionOptions _options = options.Value;

    /// <summary>
    /// Claims the session for one turn on behalf of <paramref name="ownerId"/>, creating it (as theirs) when unknown or
    /// expired. Refused while another turn runs on it (here or on another host), and when it is someone else's
    /// (docs/chat-sse.md, "Whose session it is"): an expired session of someone else's is unknown, so it is made anew.
    /// </summary>
    public async Task<SessionClaim> ClaimAsync(string id, string ownerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ownerId);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await ChatSessionDatabase.BeginWriteAsync(connection, cancellationToken);
        var row = await ReadRowAsync(connection, transaction, id, cancellationToken);
        if (row is not null && !IsExpired(row.LastUsed, now) && row.OwnerId != ownerId)
        {
            return SessionClaim.Foreign;
        }

        if (row is not null && IsRunning(row, now))
        {
            return SessionClaim.Busy;
        }

        ClaimedSession? claim;
        if (row is null || IsExpired(row.LastUsed, now))
        {
            if (row is not null)
            {
                await using var delete = Command(connection, transaction, "DELETE FROM chat_sessions WHERE id = @id AND version = @version",
                    ("id", id), ("version", row.Version));
                await delete.ExecuteNonQueryAsync(cancellationToken);
            }

            await SweepAsync(connection, transaction, now, cancellationToken);
            await using var insert = Command(connection, transaction,
                """
                INSERT INTO chat_sessions (id, created, last_used, version, turn_count, turn_started, history, pending, ticket_ids, owner_id)
                VALUES (@id, @now, @now, 1, 1, @now, '[]', NULL, '[]', @owner_id)
                ON CONFLICT (id) DO NOTHING
                """,
                ("id", id), ("now", Micros(now)), ("owner_id", ownerId));
            claim = await insert.ExecuteNonQueryAsync(cancellationToken) == 1
                ? new ClaimedSession(id, 1, 1, now, [], null, [])
                : null;
        }
        else
        {
            await using var update = Command(connection, transaction,
                """
                UPDATE chat_sessions SET version = version + 1, turn_count = turn_count + 1, turn_started = @now, last_used = @now, pending = NULL
                WHERE id = @id AND version = @version
                """,
                ("id", id), ("version", row.Version), ("now", Micros(now)));
            claim = await update.ExecuteNonQueryAsync(cancellationToken) == 1
                ? new ClaimedSession(id, row.Version + 1, row.TurnCount + 1, now, StoredSessionJson.DeserializeHistory(row.History),
                    StoredSessionJson.DeserializePending(row.Pending), StoredSessionJson.DeserializeIds(row.TicketIds))
                : null;
        }

        if (claim is null)
        {
            return SessionClaim.Busy;
        }

        await transaction.CommitAsync(cancellationToken);
        return new SessionClaim(claim, NotOwner: false);
    }

    /// <summary>Saves a finished turn; false (nothing saved) when the session changed since the claim: another host took it over, or it was evicted.</summary>
    public async Task<bool> CompleteAsync(ClaimedSession claim, CompletedTurn turn, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(turn);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await ChatSessionDatabase.BeginWriteAsync(connection, cancellationToken);
        await using (var update = Command(connection, transaction,
            """
            UPDATE chat_sessions SET version = version + 1, turn_started = NULL, last_used = @now, history = @history, pending = @pending, ticket_ids = @ticket_ids
            WHERE id = @id AND version = @version
            """,
            ("id", claim.Id), ("version", claim.Version), ("now", Micros(now)), ("history", StoredSessionJson.SerializeHistory(turn.History)),
            ("pending", StoredSessionJson.SerializePending(turn.Pending)), ("ticket_ids", StoredSessionJson.SerializeIds(turn.TicketIds))))
        {
            if (await update.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                return false;
            }
        }

        foreach (var entry in turn.Transcript)
        {
            await using var insert = Command(connection, transaction,
                """
                INSERT INTO chat_session_turns (session_id, turn, position, role, text, tool_calls, at)
                VALUES (@id, @turn, @position, @role, @text, @tool_calls, @at)
                """,
                ("id", claim.Id), ("turn", entry.Turn), ("position", entry.Role == "user" ? 0 : 1), ("role", entry.Role), ("text", entry.Text),
                ("tool_calls", StoredSessionJson.SerializeToolCalls(entry.ToolCalls)), ("at", Micros(entry.At)));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var trim = Command(connection, transaction, "DELETE FROM chat_session_turns WHERE session_id = @id AND turn <= @oldest",
            ("id", claim.Id), ("oldest", claim.TurnNumber - _options.MaxTranscriptTurnsPerSession)))
        {
            await trim.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Moves a running turn's lease start to <paramref name="now"/>, so a turn longer than
    /// <see cref="ChatSessionOptions.TurnLease"/> keeps its session (<see cref="TurnLeaseRenewal"/>). The version
    /// stays, so the claim still saves; false when the claim is no longer this turn's (taken over, released, evicted).
    /// </summary>
    public async Task<bool> RenewAsync(ClaimedSession claim, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var renew = Command(connection, null,
            "UPDATE chat_sessions SET turn_started = @now WHERE id = @id AND version = @version AND turn_started IS NOT NULL",
            ("id", claim.Id), ("version", claim.Version), ("now", Micros(now)));
        return await renew.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Ends a claim without saving a turn (it failed or its client went away), so the session takes messages again at once.</summary>
    public async Task ReleaseAsync(ClaimedSession claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var release = Command(connection, null, "UPDATE chat_sessions SET version = version + 1, turn_started = NULL WHERE id = @id AND version = @version",
            ("id", claim.Id), ("version", claim.Version));
        await release.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The session's transcript, filed tickets and owner; null when unknown or expired (the caller decides who may read it).</summary>
    public async Task<StoredTranscript?> ReadTranscriptAsync(string id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken); // one snapshot of session and lines
        var row = await ReadRowAsync(connection, transaction, id, cancellationToken);
        if (row is null || (IsExpired(row.LastUsed, now) && !IsRunning(row, now)))
        {
            return null;
        }

        var lines = new List<TranscriptEntry>();
        await using var read = Command(connection, transaction,
            "SELECT turn, role, text, tool_calls, at FROM chat_session_turns WHERE session_id = @id ORDER BY turn, position", ("id", id));
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            lines.Add(new TranscriptEntry(Convert.ToInt32(reader.GetValue(0)), reader.GetString(1), reader.GetString(2),
                StoredSessionJson.DeserializeToolCalls(reader.GetString(3)), FromMicros(reader.GetInt64(4))));
        }

        return new StoredTranscript(id, row.OwnerId, FromMicros(row.Created), FromMicros(row.LastUsed), lines, StoredSessionJson.DeserializeIds(row.TicketIds));
    }

    /// <summary>How many sessions are stored, expired ones not yet swept included.</summary>
    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var count = Command(connection, null, "SELECT COUNT(*) FROM chat_sessions");
        return Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken));
    }

    /// <summary>
    /// Deletes expired sessions, then the least recently used beyond room for one more. A running turn's session
    /// is spared either way. On PostgreSQL only one sweeper runs at a time (the others skip it: the next new
    /// session sweeps again), so concurrent sweeps never lock the same rows in different orders.
    /// </summary>
    private async Task SweepAsync(DbConnection connection, DbTransaction transaction, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (database.Kind == TicketStoreKind.PostgreSql)
        {
            await using var tryLock = Command(connection, transaction, $"SELECT pg_try_advisory_xact_lock({SweepLockKey})");
            if (await tryLock.ExecuteScalarAsync(cancellationToken) is not true)
            {
                return;
            }
        }

        var idle = ("idle_cutoff", (object?)Micros(now - _options.IdleTimeout));
        var lease = ("lease_cutoff", (object?)Micros(now - _options.TurnLease));
        await using (var expired = Command(connection, transaction,
            "DELETE FROM chat_sessions WHERE last_used < @idle_cutoff AND (turn_started IS NULL OR turn_started < @lease_cutoff)", idle, lease))
        {
            await expired.ExecuteNonQueryAsync(cancellationToken);
        }

        // SQLite needs a LIMIT before OFFSET (-1: none); PostgreSQL spells that LIMIT ALL.
        var evict = database.Kind == TicketStoreKind.PostgreSql
            ? """
              DELETE FROM chat_sessions WHERE id IN (SELECT id FROM chat_sessions WHERE turn_started IS NULL OR turn_started < @lease_cutoff
              ORDER BY last_used DESC, id LIMIT ALL OFFSET @keep)
              """
            : """
              DELETE FROM chat_sessions WHERE id IN (SELECT id FROM chat_sessions WHERE turn_started IS NULL OR turn_started < @lease_cutoff
              ORDER BY last_used DESC, id LIMIT -1 OFFSET @keep)
              """;
        await using var oldest = Command(connection, transaction, evict, lease, ("keep", Math.Max(0, _options.MaxSessions - 1)));
        await oldest.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed record Row(long Version, int TurnCount, long Created, long LastUsed, long? TurnStarted, string History, string? Pending, string TicketIds, string OwnerId);

    private static async Task<Row?> ReadRowAsync(DbConnection connection, DbTransaction transaction, string id, CancellationToken cancellationToken)
    {
        await using var select = Command(connection, transaction,
            "SELECT version, turn_count, created, last_used, turn_started, history, pending, ticket_ids, owner_id FROM chat_sessions WHERE id = @id", ("id", id));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new Row(reader.GetInt64(0), Convert.ToInt32(reader.GetValue(1)), reader.GetInt64(2), reader.GetInt64(3),
            reader.IsDBNull(4) ? null : reader.GetInt64(4), reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetString(7), reader.GetString(8));
    }

    private bool IsExpired(long lastUsed, DateTimeOffset now) => lastUsed < Micros(now - _options.IdleTimeout);

    private bool IsRunning(Row row, DateTimeOffset now) => row.TurnStarted is { } started && started >= Micros(now - _options.TurnLease);

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // every text is a constant of this class; values go in parameters
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static long Micros(DateTimeOffset time) => (time.UtcTicks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond;

    private static DateTimeOffset FromMicros(long micros) => new(DateTime.UnixEpoch.Ticks + micros * TimeSpan.TicksPerMicrosecond, TimeSpan.Zero);
}
