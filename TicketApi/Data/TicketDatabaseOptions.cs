using Microsoft.Data.Sqlite;

namespace TicketApi.Data;

/// <summary>
/// Where the tickets live: <c>ConnectionStrings:Tickets</c>, by default the SQLite file <c>data/tickets.db</c>.
/// The connection string's shape picks the store (docs/storage.md, "Choosing a store").
/// </summary>
public sealed class TicketDatabaseOptions
{
    public const string DefaultConnectionString = "Data Source=data/tickets.db";

    private string _connectionString = DefaultConnectionString;

    /// <summary>As configured; a <c>postgres://</c> URL is turned into Npgsql's key-value form.</summary>
    public string ConnectionString
    {
        get => _connectionString;
        set
        {
            Kind = KindOf(value);
            _connectionString = Kind == TicketStoreKind.PostgreSql ? PostgresConnectionStrings.Normalize(value) : value;
        }
    }

    public TicketStoreKind Kind { get; private set; } = TicketStoreKind.Sqlite;

    /// <summary>
    /// A URL with a postgres scheme, or a key-value string naming a <c>Host</c> (Npgsql's key), is
    /// PostgreSQL; everything else (<c>Data Source=</c>, <c>Filename=</c>) is SQLite, as before.
    /// </summary>
    public static TicketStoreKind KindOf(string connectionString)
    {
        var text = connectionString.Trim();
        if (PostgresConnectionStrings.IsUrl(text))
        {
            return TicketStoreKind.PostgreSql;
        }
        var keys = text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2)[0].Trim());
        return keys.Any(key => key.Equals("Host", StringComparison.OrdinalIgnoreCase) || key.Equals("Server", StringComparison.OrdinalIgnoreCase))
            ? TicketStoreKind.PostgreSql
            : TicketStoreKind.Sqlite;
    }

    /// <summary>Creates the folder of a SQLite file database so a fresh checkout starts without a setup step.</summary>
    public void EnsureFolderExists()
    {
        if (Folder is { } folder)
        {
            Directory.CreateDirectory(folder);
        }
    }

    /// <summary>The folder of a SQLite file database; null for PostgreSQL and in-memory or URI databases.</summary>
    public string? Folder
    {
        get
        {
            if (Kind != TicketStoreKind.Sqlite)
            {
                return null;
            }
            var dataSource = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
            if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal))
            {
                return null;
            }
            var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
            return string.IsNullOrEmpty(folder) ? null : folder;
        }
    }
}
