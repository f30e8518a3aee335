using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using TicketApi.Data;

namespace TicketApi.KnowledgeBase.Storage;

/// <summary>Articles on SQLite: FTS5 search ranked by bm25, timestamps as integer microseconds (docs/knowledge-base.md, "Search").</summary>
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
