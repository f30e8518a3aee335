using System.Text.Json;
using Microsoft.Data.Sqlite;
using TicketApi.Data;

namespace TicketApi.Querying;

/// <summary>
/// One page of a search whose words match many tickets, in created or updated order: walks the ordering
/// index in keyset chunks and asks the full-text index only for the matches inside each chunk's id range.
/// A page then costs a few hundred index steps instead of collecting every match first (95,000 for a
/// common word at a million tickets). Correct whatever the ids' order; fastest when ids follow time,
/// as server-assigned ones do.
/// </summary>
internal static class SearchIndexWalk
{
    private const int MaxChunk = 16_384;

    /// <summary>The orderings it serves: a time column then id, in one direction (what the index holds).</summary>
    public static bool Serves(TicketQuery query) =>
        // A requester's few tickets are found through their own indexes, never by walking everyone's.
        query.Owner is null && query.Ordering is [{ Field: "created" or "updated" } first, { Field: "id" } second] && first.Descending == second.Descending;

    public static async Task<IReadOnlyList<long>> PageIdsAsync(
        SqliteConnection connection, TicketQuery query, TicketSqlFilter others, string match,
        long matches, long total, long skip, CancellationToken cancellationToken)
    {
        var column = query.Ordering[0].Field; // "created" or "updated": checked by Serves
        var descending = query.Ordering[0].Descending;
        var index = query.Status is null ? $"ix_tickets_{column}" : $"ix_tickets_status_{column}";
        var direction = descending ? "DESC" : "ASC";
        var after = descending ? "<" : ">";
        var needed = skip + query.PageSize;

        // Start with the chunk that should hold the page at the words' overall density.
        var chunk = (int)Math.Clamp(needed * Math.Max(total, 1) / Math.Max(matches, 1) * 3 / 2, 64, MaxChunk);
        var found = new List<long>((int)Math.Min(needed, 10_000));
        long? lastKey = null;
        long lastId = 0;
        while (found.Count < needed)
        {
            var rows = await ChunkAsync(connection, others, column, index, direction, after, lastKey, lastId, chunk, cancellationToken);
            if (rows.Count == 0)
            {
                break;
            }
            var hits = await MatchesBetweenAsync(connection, match, rows.Min(r => r.Id), rows.Max(r => r.Id), cancellationToken);
            foreach (var row in rows)
            {
                if (hits.Contains(row.Id))
                {
                    found.Add(row.Id);
                    if (found.Count == needed)
                    {
                        break;
                    }
                }
            }
            if (rows.Count < chunk)
            {
                break;
            }
            (lastKey, lastId) = (rows[^1].Key, rows[^1].Id);
            chunk = Math.Min(chunk * 4, MaxChunk);
        }
        return found.Skip((int)Math.Min(skip, found.Count)).ToList();
    }

    public static async Task<List<TicketEntity>> LoadInOrderAsync(SqliteConnection connection, IReadOnlyList<long> ids, string columns, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {columns} FROM tickets WHERE id IN (SELECT value FROM json_each($ids))";
        command.Parameters.Add(new SqliteParameter("$ids", JsonSerializer.Serialize(ids)));
        var byId = new Dictionary<long, TicketEntity>(ids.Count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var ticket = TicketRows.Read(reader);
            byId[ticket.Id] = ticket;
        }
        return ids.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
    }

    private readonly record struct Row(long Id, long Key);

    private static async Task<List<Row>> ChunkAsync(
        SqliteConnection connection, TicketSqlFilter others, string column, string index, string direction, string after,
        long? lastKey, long lastId, int chunk, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        var keyset = lastKey is null ? null : $"({column}, id) {after} ($last_key, $last_id)";
        command.CommandText =
            $"SELECT id, {column} FROM tickets INDEXED BY {index}{others.WhereClauseWith(keyset)} " +
            $"ORDER BY {column} {direction}, id {direction} LIMIT $chunk";
        command.Parameters.AddRange(others.FreshParameters());
        if (lastKey is { } key)
        {
            command.Parameters.Add(new SqliteParameter("$last_key", key));
            command.Parameters.Add(new SqliteParameter("$last_id", lastId));
        }
        command.Parameters.Add(new SqliteParameter("$chunk", chunk));
        var rows = new List<Row>(chunk);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new Row(reader.GetInt64(0), reader.GetInt64(1)));
        }
        return rows;
    }

    private static async Task<HashSet<long>> MatchesBetweenAsync(SqliteConnection connection, string match, long low, long high, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH $match AND rowid BETWEEN $low AND $high";
        command.Parameters.Add(new SqliteParameter("$match", match));
        command.Parameters.Add(new SqliteParameter("$low", low));
        command.Parameters.Add(new SqliteParameter("$high", high));
        var hits = new HashSet<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            hits.Add(reader.GetInt64(0));
        }
        return hits;
    }
}
