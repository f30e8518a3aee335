using System.Data.Common;

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
