using Microsoft.EntityFrameworkCore;
using TicketApi.Audit;
using TicketApi.Contracts;
using TicketApi.Data;

namespace TicketApi.Analytics;

/// <summary>
/// Fills the counters from scratch (docs/analytics.md, "Rebuild"): every ticket row through the same
/// <see cref="AnalyticsFigures.Of"/> the sink uses, and the moves to RESOLVED from the audit trail. Self-service
/// resolutions are kept as they are: their notes go with a deleted ticket, so only the sink saw all of them. Writers wait meanwhile (the write gate on SQLite, a SHARE lock on <c>tickets</c> on PostgreSQL),
/// so no change is counted twice or lost.
/// </summary>
public sealed class AnalyticsRebuild(TicketDbContext db, WriteGate gate)
{
    private const int RowsPerStatement = 200;

    /// <returns>How many tickets were counted.</returns>
    public Task<long> RunAsync(CancellationToken cancellationToken) =>
        gate.RunAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (!db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync("LOCK TABLE tickets IN SHARE MODE", cancellationToken);
            }
            await db.Database.ExecuteSqlRawAsync($"DELETE FROM analytics_counts WHERE figure <> '{AnalyticsFigures.SelfService}'", cancellationToken);
            var sums = new Dictionary<(string Figure, int Day, string Key, int Slot), long>();
            long tickets = 0;
            await foreach (var ticket in Rows().AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                Add(sums, AnalyticsFigures.Of(ticket));
                tickets++;
            }
            await foreach (var move in db.Set<AuditEntry>().Where(a => a.Changes.Contains("\"resolution_status\""))
                .Select(a => new { a.TicketId, a.At, a.Changes }).AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                if (MovedIntoResolved(move.Changes))
                {
                    Add(sums, AnalyticsFigures.Moves(null, new TicketEntity { Id = move.TicketId, ResolutionStatus = TicketStatus.Resolved }, null, move.At));
                }
            }
            var deltas = AnalyticsFigures.Ordered(sums);
            for (var i = 0; i < deltas.Count; i += RowsPerStatement)
            {
                var (sql, arguments) = CounterSql.Upsert(deltas.GetRange(i, Math.Min(RowsPerStatement, deltas.Count - i)));
                await db.Database.ExecuteSqlRawAsync(sql, arguments, cancellationToken);
            }
            await db.Database.ExecuteSqlRawAsync("UPDATE analytics_state SET built = 1", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return tickets;
        }, cancellationToken);

    /// <summary>Whether the counters were ever filled (false right after the schema step on a database with tickets).</summary>
    /// <remarks>
    /// Single, not First: the table holds one row, and EF Core logs a warning for a First with neither OrderBy nor
    /// filter, once per process, which a request-refusal test that allows no warning met whenever it ran first.
    /// </remarks>
    public async Task<bool> IsBuiltAsync(CancellationToken cancellationToken) =>
        await db.Database.SqlQueryRaw<int>("SELECT built AS \"Value\" FROM analytics_state").SingleAsync(cancellationToken) == 1;

    /// <summary>Only the columns the figures read.</summary>
    private IQueryable<TicketEntity> Rows() => db.Tickets.AsNoTracking().Select(t => new TicketEntity
    {
        Id = t.Id,
        Created = t.Created,
        Updated = t.Updated,
        ResolutionStatus = t.ResolutionStatus,
        Priority = t.Priority,
        Category = t.Category,
        Sentiment = t.Sentiment,
        Channel = t.Channel,
        FirstResponseAt = t.FirstResponseAt,
        ResolvedAt = t.ResolvedAt,
        RatingScore = t.RatingScore,
        RatedAt = t.RatedAt,
    });

    private static bool MovedIntoResolved(string changes) =>
        AuditJson.ReadChanges(changes).Any(c => c.Field == "resolution_status" && c.New == TicketStatuses.ToWire(TicketStatus.Resolved) && c.Old != c.New);

    private static void Add(Dictionary<(string, int, string, int), long> sums, IEnumerable<CounterDelta> deltas)
    {
        foreach (var d in deltas)
        {
            var key = (d.Figure, d.Day, d.Key, d.Slot);
            sums[key] = sums.GetValueOrDefault(key) + d.Amount;
        }
    }
}
