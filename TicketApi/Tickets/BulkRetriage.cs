using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TicketApi.Audit;
using TicketApi.Contracts;
using TicketApi.Data;
using TicketApi.Events;
using TicketApi.Querying;
using TicketApi.Triage;

namespace TicketApi.Tickets;

/// <summary>
/// Triages every ticket a list filter selects again with the offline triager (<c>POST /api/tickets/triage/</c>,
/// docs/rest-api.md "Bulk re-triage"): what an admin runs after the triager changed. Fields a person set are
/// kept. A ticket whose triaged values come out as they were is not written (its ETag stays); one whose values
/// changed is written with a new version and <c>updated</c>, as any change a client should see.
/// <para>
/// Tickets are read in id order in batches of <see cref="BatchSize"/> outside any transaction, triaged on every
/// core (while the batch before is being written), and written in one short transaction per batch
/// (<see cref="BulkRetriageSql.WriteAsync"/>), each row conditional on the version that was read: other
/// writers get their turn between batches, and a ticket someone changed meanwhile is read and triaged again
/// rather than overwritten. Batches already written stay written if the request is cancelled; running it
/// again finishes the job.
/// </para>
/// <para>
/// Each written ticket is a <c>triaged</c> change in the journal (docs/accounts.md, "Audit"), its rows added in the
/// batch's transaction through a context on the writing connection, so they commit exactly with the batch.
/// </para>
/// </summary>
public sealed class BulkRetriage(BulkRetriageSql sql, WriteGate gate, OfflineTriager triager, TimeProvider clock, ChangeJournal journal,
    TicketEventSignal events)
{
    public const int BatchSize = 1000;
    private const int MaxRounds = 50;

    /// <param name="Triaged">Tickets the filter selected, all triaged again.</param>
    /// <param name="Changed">Those whose triaged values changed, and so were written (new version and <c>updated</c>).</param>
    public sealed record Outcome(long Triaged, long Changed);

    public async Task<Outcome> RunAsync(TicketQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.SearchWords is { Count: 0 })
        {
            return new Outcome(0, 0); // a search with no words matches nothing, as in the list
        }
        var now = Now();
        // Two connections: one reads and feeds the triage while the other writes the batch before, so the
        // cores triage while the (serial) writes run.
        await using var reading = await sql.OpenAsync(cancellationToken);
        await using var writing = await sql.OpenAsync(cancellationToken);
        long triaged = 0;
        long changed = 0;
        long after = 0;
        var writes = Task.FromResult(0L);
        try
        {
            while (await sql.ReadBatchAsync(reading, query, after, BatchSize, cancellationToken) is { Count: > 0 } batch)
            {
                after = batch[^1].Id;
                triaged += batch.Count;
                var next = Triage(batch, now, cancellationToken);
                changed += await writes;
                // Task.Run: the SQLite provider's async calls complete synchronously, and this write is meant to
                // overlap the next batch's triage. It is awaited on the next turn or below, never dropped.
                writes = Task.Run(() => WriteAsync(writing, query, next, now, cancellationToken), cancellationToken);
            }
            changed += await writes;
        }
        finally
        {
            // A failure above (cancellation, a lost connection) must not leave the last write running unobserved.
            await ((Task)writes).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        return new Outcome(triaged, changed);
    }

    /// <summary>
    /// Writes the changed tickets of a batch; tickets that lost a race (someone wrote since they were read) are
    /// read again, if the filter still selects them, and triaged and written again. Returns how many were written.
    /// </summary>
    private async Task<long> WriteAsync(DbConnection connection, TicketQuery query, List<(TicketEntity Before, TicketEntity After)> next, DateTime now,
        CancellationToken cancellationToken)
    {
        long written = 0;
        for (var round = 0; round < MaxRounds && next.Count > 0; round++)
        {
            var batch = next;
            var lost = await gate.RunAsync(() => WriteBatchAsync(connection, batch, now, cancellationToken), cancellationToken);
            written += next.Count - lost.Count;
            if (lost.Count == 0)
            {
                break;
            }
            var reread = await sql.ReadBatchAsync(connection, query with { IdIn = lost }, after: 0, lost.Count, cancellationToken);
            next = Triage(reread, now, cancellationToken);
        }
        return written;
    }

    /// <summary>One transaction: the batch's conditional updates, then the journal's rows for those that were written.</summary>
    private async Task<List<long>> WriteBatchAsync(DbConnection connection, List<(TicketEntity Before, TicketEntity After)> batch, DateTime now,
        CancellationToken cancellationToken)
    {
        // Deferred on SQLite (Microsoft.Data.Sqlite begins IMMEDIATE by default): the write lock is taken by the first
        // UPDATE, not at BEGIN, so a writer of another process is not shut out for longer than before.
        await using var transaction = connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: true)
            : await connection.BeginTransactionAsync(cancellationToken);
        var lost = await sql.WriteAsync(connection, transaction, [.. batch.Select(t => t.After)], now, cancellationToken);
        var lostIds = lost.ToHashSet();
        var written = batch.Where(t => !lostIds.Contains(t.After.Id)).ToList();
        if (written.Count > 0)
        {
            await using var db = ContextOn(connection);
            await db.Database.UseTransactionAsync(transaction, cancellationToken);
            foreach (var (before, after) in written)
            {
                after.Updated = now;
                after.Version = before.Version + 1;
                journal.Stage(db, TicketDiff.Changed(before, after, TicketActions.Triaged), now);
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        if (written.Count > 0)
        {
            events.Notify();
        }
        return lost;
    }

    /// <summary>A context of the ticket model on the bulk run's own connection, so its rows join that connection's transaction.</summary>
    private static TicketDbContext ContextOn(DbConnection connection)
    {
        var options = new DbContextOptionsBuilder<TicketDbContext>();
        if (connection is NpgsqlConnection postgres)
        {
            options.UseNpgsql(postgres);
        }
        else
        {
            options.UseSqlite(connection);
        }
        return new TicketDbContext(options.Options);
    }

    /// <summary>The tickets whose triaged values change, with their values before and after; pure CPU work, spread over the cores.</summary>
    private List<(TicketEntity Before, TicketEntity After)> Triage(List<TicketEntity> batch, DateTime now, CancellationToken cancellationToken)
    {
        var results = new (TicketEntity Before, TicketEntity After)?[batch.Count];
        Parallel.For(0, batch.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var current = batch[i];
            var before = current.TriageRecord;
            var after = TicketTriaging.Run(triager, current, before, now);
            if (before is null || before with { TriagedAt = now } != after ||
                current.Priority != TicketLabels.PriorityRank(after.Priority.Value) ||
                current.Category != after.Category.Value || current.Sentiment != after.Sentiment.Value)
            {
                var next = current.Copy();
                next.Apply(after);
                results[i] = (current, next);
            }
        });
        return [.. results.Where(r => r is not null).Select(r => r!.Value)];
    }

    /// <summary>Microsecond precision, as every stored timestamp (TicketStore).</summary>
    private DateTime Now()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - now.Ticks % 10, DateTimeKind.Utc);
    }
}
