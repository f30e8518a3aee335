using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using TicketApi.Contracts;
using TicketApi.Data;

namespace TicketApi.Querying;

/// <summary>
/// Runs a <see cref="TicketQuery"/> on SQLite in plain SQL on one pooled connection. Through EF the query
/// preparation and a rented DbContext cost several times what SQLite did, so reads skip it.
/// </summary>
public sealed class SqliteTicketQueryRunner(IOptions<TicketDatabaseOptions> options) : TicketQueryRunner
{
    private const string Columns = TicketRows.Columns;

    private readonly string _connectionString = options.Value.ConnectionString;

    public override async Task<PageResult> RunAsync(TicketQuery query, CancellationToken cancellationToken)
    {
        if (query.SearchWords is { Count: 0 })
        {
            return new PageResult(0, []);
        }
        await using var connection = await SqliteConnectionSetup.OpenAsync(_connectionString, cancellationToken);

        var match = query.SearchWords is { } words ? FullTextQuery(words) : null;
        var filter = TicketSqlFilter.For(query, match);
        if (filter.NeedsCasefold)
        {
            SqliteConnectionSetup.RegisterCasefold(connection);
        }

        // The counters serve status-only counts and size a search's plan; other lists do not read them.
        var statusCounts = query.FiltersOnlyByStatus || match is not null ? await StatusCountsAsync(connection, cancellationToken) : null;
        long? matches = match is null ? null : await ScalarAsync(connection,
            "SELECT count(*) FROM tickets_fts WHERE tickets_fts MATCH $match", [new("$match", match)], cancellationToken);

        var count = query switch
        {
            _ when matches is not null && IsSearchOnly(query) => matches.Value,
            { FiltersOnlyByStatus: true } => statusCounts!.Where(c => Includes(query, c.Key)).Sum(c => c.Value),
            _ => await ScalarAsync(connection, "SELECT count(*) FROM tickets" + filter.WhereClause, filter.FreshParameters(), cancellationToken),
        };
        var skip = (long)(query.Page - 1) * query.PageSize;
        if (skip >= count)
        {
            return new PageResult(count, []);
        }

        if (matches is { } found && SearchIndexWalk.Serves(query) &&
            statusCounts!.Values.Sum() is var total && WalkBeatsSort(found, total, skip + query.PageSize))
        {
            var others = TicketSqlFilter.For(query, fullTextMatch: null);
            var ids = await SearchIndexWalk.PageIdsAsync(connection, query, others, match!, found, total, skip, cancellationToken);
            return new PageResult(count, await SearchIndexWalk.LoadInOrderAsync(connection, ids, Columns, cancellationToken));
        }

        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM tickets{filter.WhereClause} ORDER BY {OrderBy(query.Ordering)} LIMIT $take OFFSET $skip";
        command.Parameters.AddRange(filter.FreshParameters());
        command.Parameters.Add(new SqliteParameter("$take", query.PageSize));
        command.Parameters.Add(new SqliteParameter("$skip", skip));
        var tickets = new List<TicketEntity>(query.PageSize);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            tickets.Add(TicketRows.Read(reader));
        }
        return new PageResult(count, tickets);
    }

    /// <summary>One indexed row (the <c>ticket_revision</c> table, kept by triggers; docs/storage.md, "Fast paths").</summary>
    public override async Task<long?> RevisionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await SqliteConnectionSetup.OpenAsync(_connectionString, cancellationToken);
        return await ScalarAsync(connection, "SELECT n FROM ticket_revision WHERE id = 1", [], cancellationToken);
    }

    /// <summary>
    /// Every word must appear in title or description, as a whole word or (from three letters) a word
    /// prefix. Words are quoted, so FTS5 syntax in user text (OR, NEAR, *, quotes) is only ever text.
    /// </summary>
    internal static string FullTextQuery(IReadOnlyList<string> words) =>
        string.Join(' ', words.Select(w => w.Length >= 3 ? $"\"{w}\"*" : $"\"{w}\""));

    /// <summary>
    /// A search can walk the ordering index, keeping rows that match (about rows-wanted / match-share
    /// index steps), or fetch and sort every match. Sorting costs more per row than stepping, so walking
    /// wins once matches squared exceed half of total times rows wanted (about 0.3% of a million tickets
    /// for a first page).
    /// </summary>
    private static bool WalkBeatsSort(long matches, long total, long rowsWanted) =>
        (double)matches * matches * 2 >= (double)total * rowsWanted;

    private static bool Includes(TicketQuery query, TicketStatus status) =>
        (query.Status is null || query.Status == status) && (query.StatusIn is null || query.StatusIn.Contains(status));

    private static string OrderBy(IReadOnlyList<OrderKey> ordering) => OrderBy(ordering, "title");

    /// <summary>The trigger-kept per-status counters: the everyday views' counts in O(1).</summary>
    private static async Task<Dictionary<TicketStatus, long>> StatusCountsAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT resolution_status, n FROM ticket_counts";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new Dictionary<TicketStatus, long>();
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[TicketStatuses.FromWire(reader.GetString(0))] = reader.GetInt64(1);
        }
        return counts;
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql, SqliteParameter[] parameters, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddRange(parameters);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
