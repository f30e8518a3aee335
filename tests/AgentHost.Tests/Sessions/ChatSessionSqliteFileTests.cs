using AgentHost.Chat.Sessions.Storage;
using TicketApi.Tests.Infrastructure;

namespace AgentHost.Tests.Sessions;

public class ChatSessionSqliteFileTests
{
    [Fact]
    public async Task A_session_file_of_its_own_is_put_in_WAL_mode_so_a_turns_writes_do_not_each_wait_for_fsync()
    {
        var connectionString = SqliteStore.Instance.CreateDatabase();
        try
        {
            await using var database = new ChatSessionDatabase(connectionString);
            await ChatSessionSchema.MigrateAsync(database, CancellationToken.None);

            await using var connection = await database.OpenAsync(CancellationToken.None);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode";
            Assert.Equal("wal", await command.ExecuteScalarAsync() as string);
        }
        finally
        {
            SqliteStore.Instance.DropDatabase(connectionString);
        }
    }
}
