using Microsoft.Data.Sqlite;

namespace TicketApi.Data;

/// <summary>Where the SQLite file lives: <c>ConnectionStrings:Tickets</c>, by default <c>data/tickets.db</c>.</summary>
public sealed class TicketDatabaseOptions
{
    public const string DefaultConnectionString = "Data Source=data/tickets.db";

    public string ConnectionString { get; set; } = DefaultConnectionString;

    /// <summary>Creates the folder of a file database so a fresh checkout starts without a setup step.</summary>
    public void EnsureFolderExists()
    {
        var dataSource = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            return;
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
