using System.Data.Common;
using System.Globalization;
using TicketApi.Data;

namespace TicketApi.KnowledgeBase.Storage;

/// <summary>
/// Reads and writes articles in plain SQL on either store (docs/knowledge-base.md, "Storage"); the
/// <see cref="ArticleDialect"/> supplies what differs. Writes are optimistic as ticket writes are: each
/// UPDATE/DELETE is conditional on the version that was read, a lost race reads again and decides again.
/// </summary>
public sealed class ArticleStore(ArticleDialect dialect, TimeProvider clock, WriteGate gate)
{
    private const string Columns = ArticleRows.Columns;
    private const int MaxAttempts = 50;

    /// <summary>Generated slugs try "-2", "-3", ... when the title's slug is taken.</summary>
    private const int MaxSlugSuffix = 100;

    public async Task<Article?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = ArticleRows.Command(connection, $"SELECT {Columns} FROM articles a WHERE a.id = @id");
        ArticleRows.Add(command, "@id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ArticleRows.Read(dialect, reader) : null;
    }

    /// <summary>One page and the count of every match. A search orders by relevance unless an ordering was given.</summary>
    public async Task<(long Count, IReadOnlyList<Article> Articles)> ListAsync(ArticleQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Search is { Count: 0 })
        {
            return (0, []);
        }
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var from = query.Search is null ? "articles a" : dialect.SearchFrom;
        var where = Where(query.Search is not null, query.Categories);

        await using var count = ArticleRows.Command(connection, $"SELECT count(*) FROM {from}{where}");
        Parameters(count, query.Search, query.Categories);
        var total = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        var skip = (long)(query.Page - 1) * query.PageSize;
        if (skip >= total)
        {
            return (total, []);
        }

        await using var page = ArticleRows.Command(connection, $"SELECT {Columns} FROM {from}{where} ORDER BY {OrderBy(query)} LIMIT @take OFFSET @skip");
        Parameters(page, query.Search, query.Categories);
        ArticleRows.Add(page, "@take", query.PageSize);
        ArticleRows.Add(page, "@skip", skip);
        var articles = new List<Article>(query.PageSize);
        await using var reader = await page.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            articles.Add(ArticleRows.Read(dialect, reader));
        }
        return (total, articles);
    }

    /// <summary>The best <paramref name="limit"/> articles for the terms, best first, with the store's relevance score.</summary>
    public async Task<IReadOnlyList<(Article Article, double Score)>> RankAsync(
        IReadOnlyList<SearchTerm> terms, IReadOnlyList<string>? categories, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.Count == 0)
        {
            return [];
        }
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = ArticleRows.Command(connection,
            $"SELECT {Columns}, {dialect.Score} AS score FROM {dialect.SearchFrom}{Where(true, categories)} ORDER BY score DESC, a.id LIMIT @take");
        Parameters(command, terms, categories);
        ArticleRows.Add(command, "@take", limit);
        var ranked = new List<(Article, double)>(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ranked.Add((ArticleRows.Read(dialect, reader), reader.GetDouble(10)));
        }
        return ranked;
    }

    /// <summary>A new article; without a slug one is made from the title (with "-2", "-3" ... when taken).</summary>
    public async Task<ArticleWriteOutcome> CreateAsync(ArticleChanges changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var now = Now();
        var baseSlug = changes.Slug ?? ArticleRules.SlugFrom(changes.Title ?? "");
        for (var suffix = 1; suffix <= MaxSlugSuffix; suffix++)
        {
            var slug = suffix == 1 ? baseSlug : $"{baseSlug[..Math.Min(baseSlug.Length, ArticleRules.MaxSlugLength - 4)]}-{suffix}";
            var article = new Article(0, slug, changes.Title ?? "", changes.Category ?? "OTHER", changes.Tags ?? [],
                changes.Body ?? "", changes.InternalNotes ?? "", now, now, 1);
            try
            {
                var id = await gate.RunAsync(() => InsertAsync(article, cancellationToken), cancellationToken);
                return new ArticleWriteOutcome.Done(article with { Id = id });
            }
            catch (DbException ex) when (dialect.IsUniqueViolation(ex))
            {
                if (changes.Slug is not null)
                {
                    return new ArticleWriteOutcome.SlugTaken(changes.Slug);
                }
            }
        }
        return new ArticleWriteOutcome.SlugTaken(baseSlug);
    }

    /// <param name="precondition">Checks the current version (If-Match); null when the client sent none.</param>
    public Task<ArticleWriteOutcome> UpdateAsync(long id, ArticleChanges changes, Func<long, bool>? precondition, CancellationToken cancellationToken) =>
        WriteOptimisticallyAsync(id, precondition, async current =>
        {
            var next = current with
            {
                Slug = changes.Slug ?? current.Slug,
                Title = changes.Title ?? current.Title,
                Category = changes.Category ?? current.Category,
                Tags = changes.Tags ?? current.Tags,
                Body = changes.Body ?? current.Body,
                InternalNotes = changes.InternalNotes ?? current.InternalNotes,
            };
            if (next.Slug == current.Slug && next.Title == current.Title && next.Category == current.Category &&
                next.Tags.SequenceEqual(current.Tags, StringComparer.Ordinal) && next.Body == current.Body && next.InternalNotes == current.InternalNotes)
            {
                return new ArticleWriteOutcome.Done(current); // nothing changes: no write, same ETag
            }
            next = next with { Updated = Now(), Version = current.Version + 1 };
            try
            {
                return await gate.RunAsync(() => UpdateRowAsync(current.Version, next, cancellationToken), cancellationToken) == 1
                    ? new ArticleWriteOutcome.Done(next) : null;
            }
            catch (DbException ex) when (dialect.IsUniqueViolation(ex))
            {
                return new ArticleWriteOutcome.SlugTaken(next.Slug);
            }
        }, cancellationToken);

    public Task<ArticleWriteOutcome> DeleteAsync(long id, Func<long, bool>? precondition, CancellationToken cancellationToken) =>
        WriteOptimisticallyAsync(id, precondition, async current =>
        {
            var deleted = await gate.RunAsync(async () =>
            {
                await using var connection = await dialect.OpenAsync(cancellationToken);
                await using var command = ArticleRows.Command(connection, "DELETE FROM articles WHERE id = @id AND version = @read");
                ArticleRows.Add(command, "@id", id);
                ArticleRows.Add(command, "@read", current.Version);
                return await command.ExecuteNonQueryAsync(cancellationToken);
            }, cancellationToken);
            return deleted == 1 ? new ArticleWriteOutcome.Done(null) : null;
        }, cancellationToken);

    /// <summary>
    /// Loads <paramref name="articles"/> when the knowledge base has never been loaded and holds no article,
    /// in one transaction that one process at a time holds; slugs that exist are skipped. The number
    /// inserted, or null when the load was not due (docs/knowledge-base.md, "Starter articles").
    /// </summary>
    public Task<int?> LoadStarterAsync(IReadOnlyList<Article> articles, CancellationToken cancellationToken) =>
        gate.RunAsync(async () =>
        {
            await using var connection = await dialect.OpenAsync(cancellationToken);
            await using var transaction = await dialect.BeginExclusiveAsync(connection, cancellationToken);
            await using (var due = ArticleRows.Command(connection,
                "SELECT (SELECT count(*) FROM knowledge_base_seed) + (SELECT count(*) FROM articles)", transaction))
            {
                if (Convert.ToInt64(await due.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0)
                {
                    return (int?)null;
                }
            }
            var now = Now();
            var inserted = 0;
            foreach (var article in articles)
            {
                await using var insert = ArticleRows.Command(connection, InsertSql + " ON CONFLICT (slug) DO NOTHING", transaction);
                ArticleRows.AddRow(dialect, insert, article with { Created = now, Updated = now });
                inserted += await insert.ExecuteNonQueryAsync(cancellationToken);
            }
            await using (var mark = ArticleRows.Command(connection, "INSERT INTO knowledge_base_seed (starter_loaded_at) VALUES (@now)", transaction))
            {
                ArticleRows.Add(mark, "@now", dialect.Time(now));
                await mark.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            return inserted;
        }, cancellationToken);

    private const string InsertSql =
        "INSERT INTO articles (slug, title, category, tags, body, internal_notes, created, updated, version) " +
        "VALUES (@slug, @title, @category, @tags, @body, @internal_notes, @created, @updated, @version)";

    private async Task<long> InsertAsync(Article article, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = ArticleRows.Command(connection, InsertSql + " RETURNING id");
        ArticleRows.AddRow(dialect, command, article);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private async Task<int> UpdateRowAsync(long readVersion, Article next, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = ArticleRows.Command(connection,
            "UPDATE articles SET slug = @slug, title = @title, category = @category, tags = @tags, body = @body, " +
            "internal_notes = @internal_notes, updated = @updated, version = @version WHERE id = @id AND version = @read");
        ArticleRows.AddRow(dialect, command, next);
        ArticleRows.Add(command, "@id", next.Id);
        ArticleRows.Add(command, "@read", readVersion);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<ArticleWriteOutcome> WriteOptimisticallyAsync(
        long id, Func<long, bool>? precondition, Func<Article, Task<ArticleWriteOutcome?>> attempt, CancellationToken cancellationToken)
    {
        for (var round = 0; round < MaxAttempts; round++)
        {
            if (await FindAsync(id, cancellationToken) is not { } current)
            {
                return new ArticleWriteOutcome.NotFound();
            }
            if (precondition is not null && !precondition(current.Version))
            {
                return new ArticleWriteOutcome.PreconditionFailed(current.Version);
            }
            if (await attempt(current) is { } outcome)
            {
                return outcome;
            }
        }
        return new ArticleWriteOutcome.Contended();
    }

    private string Where(bool search, IReadOnlyList<string>? categories)
    {
        var conditions = new List<string>();
        if (search)
        {
            conditions.Add(dialect.SearchCondition);
        }
        if (categories is { Count: > 0 })
        {
            conditions.Add($"a.category IN ({string.Join(", ", categories.Select((_, i) => $"@category{i}"))})");
        }
        return conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions);
    }

    private void Parameters(DbCommand command, IReadOnlyList<SearchTerm>? terms, IReadOnlyList<string>? categories)
    {
        if (terms is not null)
        {
            dialect.AddSearchParameters(command, terms);
        }
        for (var i = 0; i < (categories?.Count ?? 0); i++)
        {
            ArticleRows.Add(command, $"@category{i}", categories![i]);
        }
    }

    private string OrderBy(ArticleQuery query)
    {
        if (query.Ordering is not { } ordering)
        {
            return query.Search is null ? $"{dialect.TitleOrder}, a.id" : $"{dialect.Score} DESC, a.id";
        }
        var keys = ordering.Select(k => (k.Field == "title" ? dialect.TitleOrder : "a." + k.Field) + (k.Descending ? " DESC" : "")).ToList();
        if (!ordering.Any(k => k.Field == "id"))
        {
            keys.Add("a.id" + (ordering[0].Descending ? " DESC" : ""));
        }
        return string.Join(", ", keys);
    }

    /// <summary>Microsecond precision, as tickets: what the API shows is exactly what is stored.</summary>
    private DateTime Now()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - now.Ticks % 10, DateTimeKind.Utc);
    }
}
