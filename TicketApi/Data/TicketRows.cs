using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using TicketApi.Contracts;

namespace TicketApi.Data;

/// <summary>
/// Reads a ticket row selected as <see cref="Columns"/>. Both stores share the column list and the mapping;
/// only how a timestamp is stored differs (docs/storage.md), so that is the one thing each store supplies.
/// </summary>
public static class TicketRows
{
    /// <summary>Every column of a ticket, in the order <see cref="Read(Microsoft.Data.Sqlite.SqliteDataReader)"/> and its PostgreSQL twin expect (both stores select the same list).</summary>
    public const string Columns =
        "id, title, description, created, updated, resolution_status, version, " +
        "priority, category, sentiment, requester_name, requester_email, triage, first_response_at, resolved_at, closed_at, filed_by, " +
        "assignee_id, assignee_name, rating_score, rating_comment, rated_at, channel";

    /// <summary>A ticket row on SQLite, where timestamps are integer microseconds since the epoch.</summary>
    public static TicketEntity Read(SqliteDataReader reader) => Read<MicrosecondTimes>(reader);

    /// <summary>A ticket row on PostgreSQL, where timestamptz comes back as a UTC <see cref="DateTime"/> with microseconds.</summary>
    public static TicketEntity Read(NpgsqlDataReader reader) => Read<TimestamptzTimes>(reader);

    // Generic over a struct so each store's timestamp read is compiled in directly, not called through a delegate.
    private static TicketEntity Read<TTimes>(DbDataReader reader) where TTimes : struct, IStoredTimes => new()
    {
        Id = reader.GetInt64(0),
        Title = reader.GetString(1),
        Description = reader.GetString(2),
        Created = TTimes.Read(reader, 3),
        Updated = TTimes.Read(reader, 4),
        ResolutionStatus = TicketStatuses.FromWire(reader.GetString(5)),
        Version = reader.GetInt64(6),
        Priority = reader.GetInt32(7),
        Category = reader.GetString(8),
        Sentiment = reader.GetString(9),
        RequesterName = reader.IsDBNull(10) ? null : reader.GetString(10),
        RequesterEmail = reader.IsDBNull(11) ? null : reader.GetString(11),
        Triage = reader.IsDBNull(12) ? null : reader.GetString(12),
        FirstResponseAt = reader.IsDBNull(13) ? null : TTimes.Read(reader, 13),
        ResolvedAt = reader.IsDBNull(14) ? null : TTimes.Read(reader, 14),
        ClosedAt = reader.IsDBNull(15) ? null : TTimes.Read(reader, 15),
        FiledBy = reader.IsDBNull(16) ? null : reader.GetString(16),
        AssigneeId = reader.IsDBNull(17) ? null : reader.GetString(17),
        AssigneeName = reader.IsDBNull(18) ? null : reader.GetString(18),
        RatingScore = reader.IsDBNull(19) ? null : reader.GetInt32(19),
        RatingComment = reader.IsDBNull(20) ? null : reader.GetString(20),
        RatedAt = reader.IsDBNull(21) ? null : TTimes.Read(reader, 21),
        Channel = reader.GetString(22),
    };

    private interface IStoredTimes
    {
        static abstract DateTime Read(DbDataReader reader, int ordinal);
    }

    private readonly struct MicrosecondTimes : IStoredTimes
    {
        public static DateTime Read(DbDataReader reader, int ordinal) => StoredValues.FromMicroseconds(reader.GetInt64(ordinal));
    }

    private readonly struct TimestamptzTimes : IStoredTimes
    {
        public static DateTime Read(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTime>(ordinal);
    }
}
