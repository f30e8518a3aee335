using Npgsql;
using TicketApi.Data;

namespace TicketApi.Querying;

/// <summary>
/// Runs a <see cref="TicketQuery"/> on PostgreSQL: the count and the page in one batch, so one round
/// trip on one pooled connection. The planner chooses between the ordering indexes and the GIN indexes
/// (search, substring) itself, which is what SQLite's hand-made index walk does there.
/// </summary>
public sealed class PostgresTicketQueryRunner(NpgsqlDataSource dataSource) : TicketQueryRunner
{
    /// <summary>
    /// Case-folded title in code-point order: a stable order whatever the database's collation (the
    /// index <c>ix_tickets_title</c> holds exactly this expression).
    /// </summary>
    private const string TitleKey = "lower(title) COLLATE \"C\"";

    public override async Task<PageResult> RunAsync(TicketQuery query, CancellationToken cancellationToken)
    {
        if (query.SearchWords is { Count: 0 })
        {
            return new PageResult(0, []);
        }
        var filter = PostgresTicketFilter.For(query);
        var skip = (long)(query.Page - 1) * query.PageSize;

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        // Status-only views (the everyday ones) take their count from the trigger-kept counters.
        var count = query.FiltersOnlyByStatus
            ? new NpgsqlBatchCommand("SELECT coalesce(sum(n), 0)::bigint FROM ticket_counts" + filter.WhereClause)
            : new NpgsqlBatchCommand("SELECT count(*) FROM tickets" + filter.WhereClause);
        count.Parameters.AddRange(filter.FreshParameters().ToArray());
        var page = new NpgsqlBatchCommand(
            $"SELECT {TicketRows.Columns} FROM tickets{filter.WhereClause} " +
            $"ORDER BY {OrderBy(query.Ordering, TitleKey)} LIMIT @take OFFSET @skip");
        page.Parameters.AddRange(filter.FreshParameters().ToArray());
        page.Parameters.Add(new NpgsqlParameter<int>("take", query.PageSize));
        page.Parameters.Add(new NpgsqlParameter<long>("skip", skip));
        batch.BatchCommands.Add(count);
        batch.BatchCommands.Add(page);

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var total = reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken);
        var tickets = new List<TicketEntity>(query.PageSize);
        while (await reader.ReadAsync(cancellationToken))
        {
            tickets.Add(TicketRows.Read(reader));
        }
        return new PageResult(total, tickets);
    }
}
