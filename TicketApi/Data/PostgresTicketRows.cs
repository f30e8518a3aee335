using Npgsql;
using TicketApi.Contracts;

namespace TicketApi.Data;

/// <summary>Reads a ticket row selected as <c>id, title, description, created, updated, resolution_status, version</c>.</summary>
public static class PostgresTicketRows
{
    public const string Columns = "id, title, description, created, updated, resolution_status, version";

    /// <remarks>timestamptz comes back as a UTC <see cref="DateTime"/> with PostgreSQL's microsecond precision.</remarks>
    public static TicketEntity Read(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        Title = reader.GetString(1),
        Description = reader.GetString(2),
        Created = reader.GetFieldValue<DateTime>(3),
        Updated = reader.GetFieldValue<DateTime>(4),
        ResolutionStatus = TicketStatuses.FromWire(reader.GetString(5)),
        Version = reader.GetInt64(6),
    };
}
