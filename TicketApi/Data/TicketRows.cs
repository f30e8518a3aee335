using Microsoft.Data.Sqlite;
using TicketApi.Contracts;

namespace TicketApi.Data;

/// <summary>Reads a ticket row selected as <see cref="Columns"/> on SQLite.</summary>
public static class TicketRows
{
    /// <summary>Every column of a ticket, in the order <see cref="Read"/> expects (both stores select the same list).</summary>
    public const string Columns =
        "id, title, description, created, updated, resolution_status, version, " +
        "priority, category, sentiment, requester_name, requester_email, triage, first_response_at, resolved_at, closed_at";

    public static TicketEntity Read(SqliteDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        Title = reader.GetString(1),
        Description = reader.GetString(2),
        Created = StoredValues.FromMicroseconds(reader.GetInt64(3)),
        Updated = StoredValues.FromMicroseconds(reader.GetInt64(4)),
        ResolutionStatus = TicketStatuses.FromWire(reader.GetString(5)),
        Version = reader.GetInt64(6),
        Priority = reader.GetInt32(7),
        Category = reader.GetString(8),
        Sentiment = reader.GetString(9),
        RequesterName = reader.IsDBNull(10) ? null : reader.GetString(10),
        RequesterEmail = reader.IsDBNull(11) ? null : reader.GetString(11),
        Triage = reader.IsDBNull(12) ? null : reader.GetString(12),
        FirstResponseAt = OptionalTime(reader, 13),
        ResolvedAt = OptionalTime(reader, 14),
        ClosedAt = OptionalTime(reader, 15),
    };

    private static DateTime? OptionalTime(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : StoredValues.FromMicroseconds(reader.GetInt64(ordinal));
}
