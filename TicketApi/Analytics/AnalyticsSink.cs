using Microsoft.EntityFrameworkCore;
using TicketApi.Accounts;
using TicketApi.Audit;
using TicketApi.Data;

namespace TicketApi.Analytics;

/// <summary>
/// Keeps the analytics counters in step with every ticket change, in the writer's transaction (docs/analytics.md,
/// "Counters"). Unlike the audit and event sinks it cannot only add tracked rows: a counter is added to, so it runs
/// its one upsert statement at once, inside the transaction the writer has open (every write path opens one before
/// it stages; a path that did not would be caught here rather than counted outside its transaction).
/// </summary>
public sealed class AnalyticsSink : ITicketChangeSink
{
    public void Stage(TicketDbContext db, TicketChange change, Acting acting, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(acting);
        // Changes that name no earlier state (drafts written or discarded) did not touch the ticket's row.
        var before = change.Before;
        var after = change.After;
        if ((before is null && change.Action != TicketActions.Created) || (after is null && change.Action != TicketActions.Deleted))
        {
            return;
        }
        var deltas = AnalyticsFigures.Between(before, after, change.Message, at);
        if (deltas.Count == 0)
        {
            return;
        }
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException($"The '{change.Action}' change of ticket {change.TicketId} was staged outside a transaction; its counters would not commit with it.");
        }
        var (sql, arguments) = CounterSql.Upsert(deltas);
        // Synchronous because ITicketChangeSink.Stage is: one short statement on the writer's open connection.
        db.Database.ExecuteSqlRaw(sql, arguments);
    }
}
