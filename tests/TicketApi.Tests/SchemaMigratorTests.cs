using Microsoft.Data.Sqlite;
using TicketApi.Data;

namespace TicketApi.Tests;

public sealed class SchemaMigratorTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "agenttickets-tests", Guid.NewGuid().ToString("N"));

    private string ConnectionString => $"Data Source={Path.Combine(_folder, "nested", "tickets.db")};Pooling=False";

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Migrating_twice_is_harmless_and_turns_on_wal()
    {
        new TicketDatabaseOptions { ConnectionString = ConnectionString }.EnsureFolderExists();
        SqliteSchemaMigrator.Migrate(ConnectionString);
        SqliteSchemaMigrator.Migrate(ConnectionString);

        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode;"));
        Assert.Equal((long)SqliteSchemaMigrator.LatestVersion, Scalar(connection, "PRAGMA user_version;"));
        Assert.Equal(1L, Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE name = 'tickets_fts';"));
    }

    [Fact]
    public void A_database_from_a_newer_build_is_refused_rather_than_damaged()
    {
        new TicketDatabaseOptions { ConnectionString = ConnectionString }.EnsureFolderExists();
        using (var connection = new SqliteConnection(ConnectionString))
        {
            connection.Open();
            Scalar(connection, "PRAGMA user_version = 99;");
        }
        var error = Assert.Throws<InvalidOperationException>(() => SqliteSchemaMigrator.Migrate(ConnectionString));
        Assert.Contains("newer", error.Message);
    }

    /// <summary>The queue page (resolution_status=OPEN&amp;ordering=-priority,created) walks one index in its order: no sort step.</summary>
    [Fact]
    public void The_queue_page_reads_the_status_priority_index_without_sorting()
    {
        new TicketDatabaseOptions { ConnectionString = ConnectionString }.EnsureFolderExists();
        SqliteSchemaMigrator.Migrate(ConnectionString);

        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN SELECT id FROM tickets WHERE resolution_status = 'OPEN' ORDER BY priority DESC, created, id DESC LIMIT 20";
        using var reader = command.ExecuteReader();
        var plan = new List<string>();
        while (reader.Read())
        {
            plan.Add(reader.GetString(3));
        }
        Assert.Contains(plan, step => step.Contains("ix_tickets_status_priority", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
