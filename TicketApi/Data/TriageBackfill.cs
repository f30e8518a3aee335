using System.Data.Common;
using TicketApi.Tickets;
using TicketApi.Triage;

namespace TicketApi.Data;

/// <summary>
/// The schema step that adds the triaged columns also triages the tickets already there (docs/storage.md,
/// "Schema versions"): the offline triager is deterministic and needs no network, so an upgraded database
/// holds real values with source <c>rules</c> rather than placeholder defaults. Rows are read in batches of
/// <see cref="BatchSize"/> in id order inside the migrating transaction; versions and <c>updated</c> are left
/// alone (no person changed the ticket, so ETags held by clients stay valid).
/// </summary>
public static class TriageBackfill
{
    public const int BatchSize = 500;

    private static readonly Lazy<OfflineTriager> Shared = new(OfflineTriager.TrainOnEmbeddedSet);

    /// <summary>The triager for callers that have no service container (tests, tools): trained once, on first need.</summary>
    public static OfflineTriager SharedTriager() => Shared.Value;

    /// <summary>Triages every ticket whose <c>triage</c> is still null; the triager is only built when one exists.</summary>
    public static async Task<int> RunAsync(DbConnection connection, Func<OfflineTriager> triager, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(triager);
        OfflineTriager? trained = null;
        long last = 0;
        var total = 0;
        while (true)
        {
            var batch = await ReadBatchAsync(connection, last, cancellationToken);
            if (batch.Count == 0)
            {
                return total;
            }
            trained ??= triager();
            await using var update = connection.CreateCommand();
            update.CommandText = "UPDATE tickets SET priority = @priority, category = @category, sentiment = @sentiment, triage = @triage WHERE id = @id";
            var id = Parameter(update, "@id");
            var priority = Parameter(update, "@priority");
            var category = Parameter(update, "@category");
            var sentiment = Parameter(update, "@sentiment");
            var triage = Parameter(update, "@triage");
            foreach (var ticket in batch)
            {
                ticket.Apply(TicketTriaging.Run(trained, ticket, kept: null, now));
                id.Value = ticket.Id;
                priority.Value = ticket.Priority;
                category.Value = ticket.Category;
                sentiment.Value = ticket.Sentiment;
                triage.Value = ticket.Triage;
                await update.ExecuteNonQueryAsync(cancellationToken);
            }
            last = batch[^1].Id;
            total += batch.Count;
        }
    }

    private static async Task<List<TicketEntity>> ReadBatchAsync(DbConnection connection, long after, CancellationToken cancellationToken)
    {
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT id, title, description FROM tickets WHERE triage IS NULL AND id > @after ORDER BY id LIMIT @batch";
        Parameter(select, "@after").Value = after;
        Parameter(select, "@batch").Value = BatchSize;
        var batch = new List<TicketEntity>(BatchSize);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            batch.Add(new TicketEntity { Id = reader.GetInt64(0), Title = reader.GetString(1), Description = reader.GetString(2) });
        }
        return batch;
    }

    private static DbParameter Parameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
