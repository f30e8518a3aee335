using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;
using TicketApi.Data;

namespace TicketApi.KnowledgeBase.Storage;

/// <summary>
/// What differs between the two stores for articles (docs/knowledge-base.md, "Storage"): how to connect, how
/// a timestamp is stored, how full-text search matches and scores, how title ordering folds case, and how a
/// start-up load takes its turn. Everything else in <see cref="ArticleStore"/> is one SQL text for both.
/// </summary>
public abstract class ArticleDialect
{
    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    public abstract object Time(DateTime utc);

    public abstract DateTime ReadTime(DbDataReader reader, int ordinal);

    /// <summary>FROM clause of a search, the article table aliased <c>a</c>.</summary>
    public abstract string SearchFrom { get; }

    public abstract string SearchCondition { get; }

    /// <summary>Relevance, higher is better.</summary>
    public abstract string Score { get; }

    public abstract string TitleOrder { get; }

    public abstract void AddSearchParameters(DbCommand command, IReadOnlyList<SearchTerm> terms);

    public abstract bool IsUniqueViolation(DbException exception);

    /// <summary>A transaction that only one process at a time holds (the starter load's turn).</summary>
    public abstract Task<DbTransaction> BeginExclusiveAsync(DbConnection connection, CancellationToken cancellationToken);
}

public sealed class SqliteArticleDialect(IOptions<TicketDatabaseOptions> options) : ArticleDialect
{
    private readonly string _connectionString = options.Value.ConnectionString;

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await SqliteConnectionSetup.OpenAsync(_connectionString, cancellationToken);

    public override object Time(DateTime utc) => StoredValues.ToMicroseconds(utc);

    public override DateTime ReadTime(DbDataReader reader, int ordinal) => StoredValues.FromMicroseconds(reader.GetInt64(ordinal));

    public override string SearchFrom => "articles_fts JOIN articles a ON a.id = articles_fts.rowid";

    public override string SearchCondition => "articles_fts MATCH @match";

    /// <summary>bm25 is lower-is-better; the weights are title, tags, body (the FTS5 column order).</summary>
    public override string Score => "-bm25(articles_fts, 10.0, 5.0, 1.0)";

    public override string TitleOrder => "a.title";

    /// <summary>Each term quoted (FTS5 syntax in user text is only text), a prefix term starred, all ORed.</summary>
    public override void AddSearchParameters(DbCommand command, IReadOnlyList<SearchTerm> terms) =>
        command.Parameters.Add(new SqliteParameter("@match", string.Join(" OR ", terms.Select(t => t.Prefix ? $"\"{t.Text}\"*" : $"\"{t.Text}\""))));

    public override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 };

    /// <summary>BEGIN IMMEDIATE takes the write lock first, so a second process waits (busy_timeout) for the first to commit.</summary>
    public override Task<DbTransaction> BeginExclusiveAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));
}

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
