using Npgsql;
using TicketApi.Data;

namespace TicketApi.Tickets;

/// <summary>One plain command on the shared data source's pooled connections (docs/storage.md, "Fast paths").</summary>
public sealed class PostgresTicketReader(NpgsqlDataSource dataSource) : TicketReader
{
    public override async Task<TicketEntity?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {TicketRows.Columns} FROM tickets WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = id });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        return TicketRows.Read(reader);
    }
}
