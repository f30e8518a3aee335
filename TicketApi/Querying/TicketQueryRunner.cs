using TicketApi.Data;

namespace TicketApi.Querying;

/// <summary>
/// Runs a <see cref="TicketQuery"/>: one page of tickets and the total count. Lists are the desk's bulk
/// reads, so each store answers them in its own plain SQL (docs/storage.md, "Fast paths").
/// </summary>
public abstract class TicketQueryRunner
{
    public sealed record PageResult(long Count, IReadOnlyList<TicketEntity> Tickets);

    public abstract Task<PageResult> RunAsync(TicketQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// The tickets table's revision, which every write of a ticket moves (any process), or null where the
    /// store keeps none: while it stands, a list page already written stands too (TicketPageCache).
    /// </summary>
    public virtual Task<long?> RevisionAsync(CancellationToken cancellationToken) => Task.FromResult<long?>(null);

    /// <summary>True when the only filter is the search (so the full-text count is the whole count).</summary>
    protected static bool IsSearchOnly(TicketQuery query) =>
        query with { SearchWords = null } is { FiltersOnlyByStatus: true, Status: null, StatusIn: null };

    /// <summary>An ORDER BY list; column names come from a fixed set, never from the request.</summary>
    protected static string OrderBy(IReadOnlyList<OrderKey> ordering, string titleKey) =>
        string.Join(", ", ordering.Select(key => (key.Field switch
        {
            "created" => "created",
            "updated" => "updated",
            "title" => titleKey,
            "resolution_status" => "resolution_status",
            "priority" => "priority",
            "category" => "category",
            _ => "id",
        }) + (key.Descending ? " DESC" : "")));
}
