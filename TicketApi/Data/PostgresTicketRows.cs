using Npgsql;
using TicketApi.Contracts;

namespace TicketApi.Data;

/// <summary>Reads a ticket row selected as <see cref="Columns"/> on PostgreSQL.</summary>
public static class PostgresTicketRows
{
    public const string Columns = TicketRows.Columns;

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
        Priority = reader.GetInt32(7),
        Category = reader.GetString(8),
        Sentiment = reader.GetString(9),
        RequesterName = reader.IsDBNull(10) ? null : reader.GetString(10),
        RequesterEmail = reader.IsDBNull(11) ? null : reader.GetString(11),
        Triage = reader.IsDBNull(12) ? null : reader.GetString(12),
        FirstResponseAt = reader.IsDBNull(13) ? null : reader.GetFieldValue<DateTime>(13),
        ResolvedAt = reader.IsDBNull(14) ? null : reader.GetFieldValue<DateTime>(14),
        ClosedAt = reader.IsDBNull(15) ? null : reader.GetFieldValue<DateTime>(15),
    };
}
