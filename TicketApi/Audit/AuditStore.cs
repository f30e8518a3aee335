using Microsoft.EntityFrameworkCore;
using TicketApi.Data;

namespace TicketApi.Audit;

/// <summary>Reads the audit trail (docs/accounts.md, "Audit"). Rows are written only through the <see cref="ChangeJournal"/>.</summary>
public sealed class AuditStore(TicketDbContext db)
{
    /// <summary>One page of a ticket's history, oldest first, and how many rows it has in all.</summary>
    public async Task<(long Count, List<AuditEntry> Entries)> HistoryAsync(long ticketId, int page, int pageSize, CancellationToken cancellationToken)
    {
        var rows = db.Set<AuditEntry>().Where(e => e.TicketId == ticketId);
        var count = await rows.LongCountAsync(cancellationToken);
        var skip = (long)(page - 1) * pageSize;
        return (count, skip >= count ? [] : await rows.OrderBy(e => e.Id).Skip((int)skip).Take(pageSize).ToListAsync(cancellationToken));
    }

    /// <summary>One page of the whole trail, newest first, narrowed by the query's filters.</summary>
    public async Task<(long Count, List<AuditEntry> Entries)> SearchAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var rows = db.Set<AuditEntry>().AsQueryable();
        if (query.ActorId is { } actor)
        {
            rows = rows.Where(e => e.ActorId == actor);
        }
        if (query.Channel is { } channel)
        {
            rows = rows.Where(e => e.Channel == channel);
        }
        if (query.Action is { } action)
        {
            rows = rows.Where(e => e.Action == action);
        }
        if (query.TicketId is { } ticket)
        {
            rows = rows.Where(e => e.TicketId == ticket);
        }
        if (query.Since is { } since)
        {
            rows = rows.Where(e => e.At >= since);
        }
        if (query.Until is { } until)
        {
            rows = rows.Where(e => e.At < until);
        }
        var count = await rows.LongCountAsync(cancellationToken);
        var skip = (long)(query.Page - 1) * query.PageSize;
        return (count, skip >= count ? []
            : await rows.OrderByDescending(e => e.Id).Skip((int)skip).Take(query.PageSize).ToListAsync(cancellationToken));
    }
}
