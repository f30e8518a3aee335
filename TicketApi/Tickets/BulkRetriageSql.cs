using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;
using TicketApi.Data;
using TicketApi.Querying;

namespace TicketApi.Tickets;

/// <summary>
/// The SQL of a bulk re-triage (<see cref="BulkRetriage"/>): batches of the tickets a list filter selects,
/// in id order from a keyset, and the version-conditional write of a batch in one transaction. Plain SQL on
/// one connection, as the list's fast path: through EF, 100,000 single-row updates would cost several times
/// the database's own work. The filter is the list's own (<see cref="TicketSqlFilter"/>, <see cref="PostgresTicketFilter"/>).
/// </summary>
public abstract class BulkRetriageSql
{
    private const string Columns = "id, title, description, requester_name, priority, category, sentiment, triage, version, requester_email";

    private const string Update =
        "UPDATE tickets SET priority = @priority, category = @category, sentiment = @sentiment, triage = @triage, " +
        "updated = @updated, version = version + 1 WHERE id = @id AND version = @version";

    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="take"/> selected tickets with ids above <paramref name="after"/>, in id order, with the columns triage reads and writes.</summary>
    public async Task<List<TicketEntity>> ReadBatchAsync(DbConnection connection, TicketQuery query, long after, int take, CancellationToken cancellationToken)
    {
        await using var select = connection.CreateCommand();
        var (where, parameters) = Filter(connection, query);
        select.CommandText = $"SELECT {Columns} FROM tickets{where} ORDER BY id LIMIT {ParameterPrefix}take";
        select.Parameters.AddRange(parameters);
        Parameter(select, ParameterPrefix + "after").Value = after;
        Parameter(select, ParameterPrefix + "take").Value = take;
        var batch = new List<TicketEntity>(take);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            batch.Add(new TicketEntity
            {
                Id = reader.GetInt64(0),
                Title = reader.GetString(1),
                Description = reader.GetString(2),
                RequesterName = reader.IsDBNull(3) ? null : reader.GetString(3),
                Priority = reader.GetInt32(4),
                Category = reader.GetString(5),
                Sentiment = reader.GetString(6),
                Triage = reader.IsDBNull(7) ? null : reader.GetString(7),
                Version = reader.GetInt64(8),
                RequesterEmail = reader.IsDBNull(9) ? null : reader.GetString(9), // whose ticket it is, for the live events
            });
        }
        return batch;
    }

    /// <summary>
    /// Writes the tickets' new triaged values in the caller's <paramref name="transaction"/> (which also holds what
    /// the journal records of them), each conditional on the version read, with the next version and
    /// <paramref name="now"/> as <c>updated</c>. Returns the ids whose write found the row changed or gone since.
    /// One prepared statement executed per ticket: in process (SQLite) a statement costs microseconds; a store
    /// across a network overrides this with one statement for the batch.
    /// </summary>
    public virtual async Task<List<long>> WriteAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<TicketEntity> tickets, DateTime now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(tickets);
        var lost = new List<long>();
        if (tickets.Count == 0)
        {
            return lost;
        }
        await using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = Update;
        var id = Parameter(update, "@id");
        var version = Parameter(update, "@version");
        var priority = Parameter(update, "@priority");
        var category = Parameter(update, "@category");
        var sentiment = Parameter(update, "@sentiment");
        var triage = Parameter(update, "@triage");
        Parameter(update, "@updated").Value = Timestamp(now);
        for (var i = 0; i < tickets.Count; i++)
        {
            var ticket = tickets[i];
            id.Value = ticket.Id;
            version.Value = ticket.Version;
            priority.Value = ticket.Priority;
            category.Value = ticket.Category;
            sentiment.Value = ticket.Sentiment;
            triage.Value = ticket.Triage;
            if (i == 0)
            {
                await update.PrepareAsync(cancellationToken); // once the values give the parameters their types
            }
            if (await update.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                lost.Add(ticket.Id);
            }
        }
        return lost;
    }

    // The store's parts are public so that a test can wrap a store's SQL and step in before a write (a writer of
    // another process, at exactly the wrong moment).

    /// <summary>How the store's own SQL names parameters (the list filters' convention).</summary>
    public abstract string ParameterPrefix { get; }

    /// <summary>The WHERE clause: the list filter and the keyset condition <c>id &gt; {prefix}after</c>.</summary>
    public abstract (string Where, DbParameter[] Parameters) Filter(DbConnection connection, TicketQuery query);

    /// <summary>A timestamp as the store keeps it.</summary>
    public abstract object Timestamp(DateTime value);

    private static DbParameter Parameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }
}

public sealed class SqliteBulkRetriageSql(IOptions<TicketDatabaseOptions> options) : BulkRetriageSql
{
    private readonly string _connectionString = options.Value.ConnectionString;

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await SqliteConnectionSetup.OpenAsync(_connectionString, cancellationToken);

    public override string ParameterPrefix => "$";

    public override (string Where, DbParameter[] Parameters) Filter(DbConnection connection, TicketQuery query)
    {
        var match = query.SearchWords is { } words ? SqliteTicketQueryRunner.FullTextQuery(words) : null;
        var filter = TicketSqlFilter.For(query, match);
        if (filter.NeedsCasefold)
        {
            SqliteConnectionSetup.RegisterCasefold((SqliteConnection)connection);
        }
        return (filter.WhereClauseWith("id > $after"), filter.FreshParameters());
    }

    public override object Timestamp(DateTime value) => StoredValues.ToMicroseconds(value);
}

public sealed class PostgresBulkRetriageSql(NpgsqlDataSource dataSource) : BulkRetriageSql
{
    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    public override string ParameterPrefix => "@";

    public override (string Where, DbParameter[] Parameters) Filter(DbConnection connection, TicketQuery query)
    {
        var filter = PostgresTicketFilter.For(query);
        var where = filter.WhereClause.Length == 0 ? " WHERE id > @after" : filter.WhereClause + " AND id > @after";
        return (where, [.. filter.FreshParameters()]);
    }

    public override object Timestamp(DateTime value) => value;

    /// <summary>
    /// The whole batch in one statement (in the caller's short transaction), the rows passed as arrays: one round trip
    /// instead of one per ticket, which cost the service four times SQLite's CPU (docs/storage.md, "Benchmark").
    /// Each row is still conditional on its version; at READ COMMITTED a row another writer holds is waited for
    /// and then checked again, so it is reported lost rather than overwritten.
    /// </summary>
    public override async Task<List<long>> WriteAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<TicketEntity> tickets, DateTime now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tickets);
        if (tickets.Count == 0)
        {
            return [];
        }
        await using var update = new NpgsqlCommand(
            "UPDATE tickets AS t SET priority = v.priority, category = v.category, sentiment = v.sentiment, triage = v.triage, " +
            "updated = @updated, version = t.version + 1 " +
            "FROM unnest(@ids, @versions, @priorities, @categories, @sentiments, @triages) AS v(id, version, priority, category, sentiment, triage) " +
            "WHERE t.id = v.id AND t.version = v.version RETURNING t.id", (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        update.Parameters.Add(new NpgsqlParameter<DateTime>("updated", now));
        update.Parameters.Add(new NpgsqlParameter<long[]>("ids", [.. tickets.Select(t => t.Id)]));
        update.Parameters.Add(new NpgsqlParameter<long[]>("versions", [.. tickets.Select(t => t.Version)]));
        update.Parameters.Add(new NpgsqlParameter<int[]>("priorities", [.. tickets.Select(t => t.Priority)]));
        update.Parameters.Add(new NpgsqlParameter<string[]>("categories", [.. tickets.Select(t => t.Category)]));
        update.Parameters.Add(new NpgsqlParameter<string?[]>("sentiments", [.. tickets.Select(t => t.Sentiment)]));
        update.Parameters.Add(new NpgsqlParameter<string?[]>("triages", [.. tickets.Select(t => t.Triage)]));
        var written = new HashSet<long>();
        await using (var reader = await update.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                written.Add(reader.GetInt64(0));
            }
        }
        return [.. tickets.Where(t => !written.Contains(t.Id)).Select(t => t.Id)];
    }
}
