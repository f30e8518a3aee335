using System.Data.Common;
using Microsoft.Extensions.Options;
using TicketApi.Data;
using TicketApi.KnowledgeBase;
using TicketApi.KnowledgeBase.Storage;

namespace TicketApi.Drafts.Writing;

/// <summary>An earlier ticket's sent reply that fits the ticket being drafted.</summary>
public sealed record SimilarReply(long TicketId, string TicketTitle, long MessageId, string Body, double Score);

/// <summary>
/// Ranks the sent replies (<c>reply</c> messages) of RESOLVED and CLOSED tickets against a ticket's terms
/// (docs/drafts.md, "Writing a draft: retrieval"): the same ORed terms as article retrieval, on the index
/// <see cref="ResolvedReplySchema"/> adds (bm25 on SQLite, ts_rank_cd on PostgreSQL). The article store's
/// dialect supplies the connection and the term parameters, so the two searches read terms alike.
/// </summary>
public sealed class ResolvedReplySearch(ArticleDialect dialect, IOptions<TicketDatabaseOptions> options)
{
    private readonly bool _postgres = options.Value.Kind == TicketStoreKind.PostgreSql;

    private const string Resolved = "t.resolution_status IN ('RESOLVED', 'CLOSED') AND t.id <> @exclude";

    private const string SqliteQuery =
        $"""
        SELECT m.ticket_id, t.title, m.id, m.body, -bm25(reply_fts) AS score
        FROM reply_fts JOIN ticket_messages m ON m.id = reply_fts.rowid JOIN tickets t ON t.id = m.ticket_id
        WHERE reply_fts MATCH @match AND {Resolved}
        ORDER BY score DESC, m.id LIMIT @take
        """;

    private const string PostgresQuery =
        $"""
        SELECT m.ticket_id, t.title, m.id, m.body,
               ts_rank_cd(to_tsvector('simple'::regconfig, ticket_search_text(m.body)), q.query, 1)::float8 AS score
        FROM ticket_messages m JOIN tickets t ON t.id = m.ticket_id
             CROSS JOIN (SELECT article_search_query(@words, @prefixes) AS query) q
        WHERE m.kind = 'reply' AND to_tsvector('simple'::regconfig, ticket_search_text(m.body)) @@ q.query AND {Resolved}
        ORDER BY score DESC, m.id LIMIT @take
        """;

    /// <param name="excludeTicketId">The ticket being drafted: its own earlier reply is no precedent for itself.</param>
    public async Task<IReadOnlyList<SimilarReply>> RankAsync(
        IReadOnlyList<SearchTerm> terms, long excludeTicketId, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.Count == 0 || limit <= 0)
        {
            return [];
        }
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = _postgres ? PostgresQuery : SqliteQuery;
        dialect.AddSearchParameters(command, terms);
        Add(command, "@exclude", excludeTicketId);
        Add(command, "@take", limit);
        var replies = new List<SimilarReply>(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            replies.Add(new SimilarReply(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3), reader.GetDouble(4)));
        }
        return replies;
    }

    private static void Add(DbCommand command, string name, long value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
