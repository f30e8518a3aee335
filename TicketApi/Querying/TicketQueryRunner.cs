using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using TicketApi.Contracts;
using TicketApi.Data;

namespace TicketApi.Querying;

/// <summary>Runs a <see cref="TicketQuery"/> against the database: one page of tickets and the total count.</summary>
public sealed class TicketQueryRunner(TicketDbContext db)
{
    public sealed record PageResult(long Count, IReadOnlyList<TicketEntity> Tickets);

    /// <summary>
    /// Above this share of all tickets, a search walks the ordering index and keeps the matches (the first
    /// page is found after a few dozen rows); below it, it sorts the matches (few rows to sort).
    /// </summary>
    private const double DenseSearchShare = 0.02;

    // Compiled: these run on every list request, and EF's per-call query preparation cost more than SQLite did.
    private static readonly Func<TicketDbContext, IAsyncEnumerable<TicketCountEntity>> AllCounts =
        EF.CompileAsyncQuery((TicketDbContext context) => context.TicketCounts.AsNoTracking());

    /// <summary>How many tickets have one of the statuses <paramref name="include"/> accepts.</summary>
    private async Task<long> CountStatusesAsync(Func<TicketStatus, bool> include, CancellationToken cancellationToken)
    {
        long total = 0;
        await foreach (var count in AllCounts(db).WithCancellation(cancellationToken))
        {
            if (include(count.ResolutionStatus))
            {
                total += count.Count;
            }
        }
        return total;
    }

    public async Task<PageResult> RunAsync(TicketQuery query, CancellationToken cancellationToken)
    {
        // One connection for the count and the page instead of a pool round trip each.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (NeedsCasefold(query.TitleContains) || NeedsCasefold(query.DescriptionContains))
            {
                SqliteConnectionSetup.RegisterCasefold((Microsoft.Data.Sqlite.SqliteConnection)db.Database.GetDbConnection());
            }
            var plan = await PlanSearchAsync(query, cancellationToken);
            var filtered = Filter(query, plan);
            var count = plan is { OnlyFilter: true } ? plan.Matches : await CountAsync(query, filtered, cancellationToken);
            var skip = (long)(query.Page - 1) * query.PageSize;
            if (skip >= count)
            {
                return new PageResult(count, []);
            }
            var tickets = await Order(filtered, query.Ordering)
                .Skip((int)skip)
                .Take(query.PageSize)
                .ToListAsync(cancellationToken);
            return new PageResult(count, tickets);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>How a search runs: its full-text matches, and the index to walk when they are many.</summary>
    private sealed record SearchPlan(string? Match, long Matches, bool OnlyFilter, string? WalkIndex);

    private async Task<SearchPlan?> PlanSearchAsync(TicketQuery query, CancellationToken cancellationToken)
    {
        if (query.SearchWords is not { Count: > 0 } words)
        {
            return null;
        }
        var match = FullTextQuery(words);
        var matches = await db.Set<SearchHit>()
            .FromSqlRaw("SELECT rowid AS id FROM tickets_fts WHERE tickets_fts MATCH {0}", match)
            .LongCountAsync(cancellationToken);
        var onlyFilter = query with { SearchWords = null } is { FiltersOnlyByStatus: true, Status: null, StatusIn: null };
        string? walkIndex = null;
        if (matches > 0 && query.Ordering[0].Field is "created" or "updated")
        {
            var total = await CountStatusesAsync(_ => true, cancellationToken);
            if (matches >= total * DenseSearchShare)
            {
                walkIndex = query.Status is null
                    ? $"ix_tickets_{query.Ordering[0].Field}"
                    : $"ix_tickets_status_{query.Ordering[0].Field}";
            }
        }
        return new SearchPlan(match, matches, onlyFilter, walkIndex);
    }

    private async Task<long> CountAsync(TicketQuery query, IQueryable<TicketEntity> filtered, CancellationToken cancellationToken)
    {
        if (!query.FiltersOnlyByStatus)
        {
            return await filtered.LongCountAsync(cancellationToken);
        }
        // Status-only filters are the desk's everyday views; the trigger-kept counters answer them in O(1).
        return await CountStatusesAsync(
            status => (query.Status is null || query.Status == status) && (query.StatusIn is null || query.StatusIn.Contains(status)),
            cancellationToken);
    }

    private IQueryable<TicketEntity> Filter(TicketQuery query, SearchPlan? plan)
    {
        var tickets = db.Tickets.AsNoTracking();
        if (query.SearchWords is { Count: 0 })
        {
            return tickets.Where(t => false);
        }
        if (plan is not null)
        {
            // The index name comes from a fixed set, never from the request.
            var source = plan.WalkIndex is null ? "tickets" : $"tickets INDEXED BY {plan.WalkIndex}";
            tickets = db.Tickets
                .FromSqlRaw($"SELECT * FROM {source} WHERE id IN (SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH {{0}})", plan.Match!)
                .AsNoTracking();
        }
        if (query.Id is { } id)
        {
            tickets = tickets.Where(t => t.Id == id);
        }
        if (query.IdIn is { } ids)
        {
            tickets = tickets.Where(t => ids.Contains(t.Id));
        }
        if (query.TitleContains is { } title)
        {
            tickets = tickets.Where(ContainsIgnoringCase(t => t.Title, title));
        }
        if (query.DescriptionContains is { } description)
        {
            tickets = tickets.Where(ContainsIgnoringCase(t => t.Description, description));
        }
        if (query.CreatedFrom is { } createdFrom)
        {
            tickets = tickets.Where(t => t.Created >= createdFrom);
        }
        if (query.CreatedTo is { } createdTo)
        {
            tickets = tickets.Where(t => t.Created <= createdTo);
        }
        if (query.UpdatedFrom is { } updatedFrom)
        {
            tickets = tickets.Where(t => t.Updated >= updatedFrom);
        }
        if (query.UpdatedTo is { } updatedTo)
        {
            tickets = tickets.Where(t => t.Updated <= updatedTo);
        }
        if (query.Status is { } status)
        {
            tickets = tickets.Where(t => t.ResolutionStatus == status);
        }
        if (query.StatusIn is { } statuses)
        {
            tickets = tickets.Where(t => statuses.Contains(t.ResolutionStatus));
        }
        return tickets;
    }

    /// <summary>
    /// Every word must appear in title or description, as a whole word or (from three letters) a word
    /// prefix. Words are quoted, so FTS5 syntax in user text (OR, NEAR, *, quotes) is only ever text.
    /// </summary>
    internal static string FullTextQuery(IReadOnlyList<string> words) =>
        string.Join(' ', words.Select(w => w.Length >= 3 ? $"\"{w}\"*" : $"\"{w}\""));

    /// <summary>
    /// Case-insensitive substring match. SQLite's LIKE folds ASCII only, which is exact for an ASCII
    /// needle; a needle with other letters goes through the Unicode-aware <c>casefold</c> function.
    /// </summary>
    private static Expression<Func<TicketEntity, bool>> ContainsIgnoringCase(Expression<Func<TicketEntity, string>> field, string needle)
    {
        Expression<Func<string, bool>> predicate;
        if (!NeedsCasefold(needle))
        {
            var pattern = "%" + EscapeLike(needle) + "%";
            predicate = value => EF.Functions.Like(value, pattern, "\\");
        }
        else
        {
            var folded = needle.ToLowerInvariant();
            predicate = value => SqlFunctions.Casefold(value).Contains(folded);
        }
        var body = new ParameterReplacer(predicate.Parameters[0], field.Body).Visit(predicate.Body);
        return Expression.Lambda<Func<TicketEntity, bool>>(body, field.Parameters);
    }

    private static bool NeedsCasefold(string? needle) => needle is not null && !needle.All(char.IsAscii);

    private static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);

    private static IQueryable<TicketEntity> Order(IQueryable<TicketEntity> tickets, IReadOnlyList<OrderKey> ordering)
    {
        IOrderedQueryable<TicketEntity>? ordered = null;
        foreach (var key in ordering)
        {
            ordered = key.Field switch
            {
                "created" => By(tickets, ordered, t => t.Created, key.Descending),
                "updated" => By(tickets, ordered, t => t.Updated, key.Descending),
                "title" => By(tickets, ordered, t => t.Title, key.Descending),
                "resolution_status" => By(tickets, ordered, t => t.ResolutionStatus, key.Descending),
                _ => By(tickets, ordered, t => t.Id, key.Descending),
            };
        }
        return ordered ?? tickets;
    }

    private static IOrderedQueryable<TicketEntity> By<TKey>(
        IQueryable<TicketEntity> source, IOrderedQueryable<TicketEntity>? ordered, Expression<Func<TicketEntity, TKey>> key, bool descending) =>
        ordered is null
            ? descending ? source.OrderByDescending(key) : source.OrderBy(key)
            : descending ? ordered.ThenByDescending(key) : ordered.ThenBy(key);

    private sealed class ParameterReplacer(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
