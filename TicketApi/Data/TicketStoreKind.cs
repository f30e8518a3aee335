namespace TicketApi.Data;

/// <summary>The two stores the ticket service runs on; the connection string picks one (docs/storage.md).</summary>
public enum TicketStoreKind
{
    /// <summary>A single file (<c>Data Source=...</c>): the default, for one machine.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server (<c>Host=...;Database=...</c> or a <c>postgres://</c> URL): for several processes.</summary>
    PostgreSql,
}
