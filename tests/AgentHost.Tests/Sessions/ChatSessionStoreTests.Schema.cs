using AgentHost.Chat.Sessions;
using AgentHost.Chat.Sessions.Storage;

namespace AgentHost.Tests.Sessions;

/// <summary>The session tables' own schema steps: an older database is upgraded, a newer one refused.</summary>
public abstract partial class ChatSessionStoreTests
{
    [Fact]
    public async Task A_session_stored_before_owners_were_recorded_becomes_the_local_admins()
    {
        var database = Database();
        await using (var connection = await database.OpenAsync(CancellationToken.None))
        {
            // The database as schema version 1 left it, with one session in it; the fixture's migration is undone first.
            await ExecuteAsync(connection, "DROP TABLE chat_session_turns; DROP TABLE chat_sessions; DELETE FROM chat_session_schema");
            await ExecuteAsync(connection, VersionOneTables);
            await ExecuteAsync(connection, "INSERT INTO chat_session_schema (version) VALUES (1)");
            await ExecuteAsync(connection,
                $"INSERT INTO chat_sessions VALUES ('old', {Micros(_clock.Now)}, {Micros(_clock.Now)}, 2, 1, NULL, '[]', NULL, '[]')");
        }

        await ChatSessionSchema.MigrateAsync(database, CancellationToken.None);
        var store = Store();

        Assert.IsType<NotYourSession>(await store.StartTurnAsync("old", Owner, "hi", null, CancellationToken.None));
        var local = Assert.IsType<TurnStarted>(await store.StartTurnAsync("old", TicketApi.Accounts.Actor.LocalAdminId, "hi", null, CancellationToken.None));
        Assert.Equal(2, local.Turn.Number);
        Assert.Equal(TicketApi.Accounts.Actor.LocalAdminId, (await store.Repository.ReadTranscriptAsync("old", _clock.Now, CancellationToken.None))!.OwnerId);
    }

    private const string VersionOneTables =
        """
        CREATE TABLE chat_sessions (
            id TEXT PRIMARY KEY, created BIGINT NOT NULL, last_used BIGINT NOT NULL, version BIGINT NOT NULL, turn_count INTEGER NOT NULL,
            turn_started BIGINT NULL, history TEXT NOT NULL, pending TEXT NULL, ticket_ids TEXT NOT NULL);
        CREATE INDEX ix_chat_sessions_last_used ON chat_sessions (last_used);
        CREATE TABLE chat_session_turns (
            session_id TEXT NOT NULL REFERENCES chat_sessions (id) ON DELETE CASCADE, turn INTEGER NOT NULL, position INTEGER NOT NULL,
            role TEXT NOT NULL, text TEXT NOT NULL, tool_calls TEXT NOT NULL, at BIGINT NOT NULL, PRIMARY KEY (session_id, turn, position));
        """;

    private static async Task ExecuteAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static long Micros(DateTimeOffset time) => (time.UtcTicks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond;

    [Fact]
    public async Task Creating_the_tables_again_is_harmless_and_a_newer_schema_is_refused()
    {
        var database = Database();
        await ChatSessionSchema.MigrateAsync(database, CancellationToken.None);
        await FinishAsync(Store(), await StartAsync(Store(), "kept"), Answer("ok"));
        await ChatSessionSchema.MigrateAsync(database, CancellationToken.None);
        Assert.NotNull(await Store().Repository.ReadTranscriptAsync("kept", _clock.Now, CancellationToken.None));

        await using (var connection = await database.OpenAsync(CancellationToken.None))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "UPDATE chat_session_schema SET version = 99";
            await command.ExecuteNonQueryAsync();
        }

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => ChatSessionSchema.MigrateAsync(database, CancellationToken.None));
        Assert.Contains("version 99, newer than this build", refusal.Message, StringComparison.Ordinal);
    }
}
