using TicketApi.Data;

namespace TicketApi.Tickets;

/// <summary>
/// Reads one ticket by id: the API's hottest path, so each store answers it with a plain command on a
/// pooled connection rather than through EF (docs/storage.md, "Fast paths").
/// </summary>
public abstract class TicketReader
{
    public abstract Task<TicketEntity?> FindAsync(long id, CancellationToken cancellationToken);
}
