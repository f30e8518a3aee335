using Microsoft.Data.Sqlite;
using TicketApi.Data;

namespace TicketApi.Tests.Infrastructure;

/// <summary>A SQLite file of its own per test, in a temporary folder deleted afterwards.</summary>
public sealed class SqliteStore : TicketStoreFixture
{
    public static SqliteStore Instance { get; } = new();

    public override TicketStoreKind Kind => TicketStoreKind.Sqlite;

    public override string CreateDatabase()
    {
        var folder = Path.Combine(Path.GetTempPath(), "agenttickets-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "tickets.db")}";
    }

    public override void DropDatabase(string connectionString)
    {
        using (var connection = new SqliteConnection(connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }
        try
        {
            Directory.Delete(Path.GetDirectoryName(new SqliteConnectionStringBuilder(connectionString).DataSource)!, recursive: true);
        }
        catch (IOException)
        {
            // A connection still closing: the temp folder is cleaned by the OS, the test is unaffected.
        }
    }
}
