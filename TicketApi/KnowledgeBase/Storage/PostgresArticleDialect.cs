using System.Data.Common;
using Npgsql;

namespace TicketApi.KnowledgeBase.Storage;

/// <summary>Articles on PostgreSQL: tsvector search ranked by ts_rank_cd, timestamptz (docs/knowledge-base.md, "Search").</summary>
public sealed class PostgresArticleDialect(NpgsqlDataSource dataSource) : ArticleDialect
{
    /// <summary>"articles" in ASCII: any constant other software on the database is unlikely to pick.</summary>
    private const long SeedLock = 0x61727469636c6573;

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    public override object Time(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc);

    public override DateTime ReadTime(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTime>(ordinal);

    public override string SearchFrom => "articles a CROSS JOIN (SELECT article_search_query(@words, @prefixes) AS query) q";

    public override string SearchCondition => "a.search @@ q.query";

    /// <summary>Cover density, divided by 1 + log(length) so long articles do not win on size alone.</summary>
    public override string Score => "ts_rank_cd(a.search, q.query, 1)::float8";

    public override string TitleOrder => "lower(a.title) COLLATE \"C\"";

    public override void AddSearchParameters(DbCommand command, IReadOnlyList<SearchTerm> terms)
    {
        command.Parameters.Add(new NpgsqlParameter("words", terms.Select(t => t.Text).ToArray()));
        command.Parameters.Add(new NpgsqlParameter("prefixes", terms.Select(t => t.Prefix).ToArray()));
    }

    public override bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public override async Task<DbTransaction> BeginExclusiveAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT pg_advisory_xact_lock({SeedLock})";
        await command.ExecuteNonQueryAsync(cancellationToken);
        return transaction;
    }
}
