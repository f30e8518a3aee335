using TicketApi.Accounts;
using TicketApi.Data;

namespace TicketApi.Audit;

/// <summary>Adds one <c>audit_log</c> row per change, in the writer's unit of work (docs/accounts.md, "Audit").</summary>
public sealed class AuditSink : ITicketChangeSink
{
    public void Stage(TicketDbContext db, TicketChange change, Acting acting, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(acting);
        db.Add(new AuditEntry
        {
            At = at,
            ActorId = acting.Actor.Id,
            ActorName = acting.Actor.Name,
            KeyId = acting.Actor.KeyId,
            Channel = acting.Channel,
            Tool = acting.Tool,
            TicketId = change.TicketId,
            Action = change.Action,
            Changes = AuditJson.WriteChanges(change.Fields),
        });
    }
}
