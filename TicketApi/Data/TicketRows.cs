using Microsoft.Data.Sqlite;
using TicketApi.Contracts;

namespace TicketApi.Data;

/// <summary>Reads a ticket row selected as <c>id, title, description, created, updated, resolution_status, version</c>.</summary>
public static class TicketRows
{
    public static TicketEntity Read(SqliteDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        Title = reader.GetString(1),
        Description = reader.GetString(2),
        Created = StoredValues.FromMicroseconds(reader.GetInt64(3)),
        Updated = StoredValues.FromMicroseconds(reader.GetInt64(4)),
        ResolutionStatus = TicketStatuses.FromWire(reader.GetString(5)),
        Version = reader.GetInt64(6),
    };
}
