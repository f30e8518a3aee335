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
/// (docs/drafts.md, "Writing a draft: retrieval"). Unlike article retrieval the terms are ANDed: a reply is
/// a precedent only when it holds every one of the few terms it is asked for (the writer passes the
/// ticket's title terms), and ranking every reply that shares any one common word with the ticket would
/// cost a scan of most of the index at 100,000 tickets. Ranked on the index
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
        WHERE reply_fts MATCH @all AND {Resolved}
        ORDER BY score DESC, m.id LIMIT @take
        """;

    private const string PostgresQuery =
        $"""
        SELECT m.ticket_id, t.title, m.id, m.body,
               ts_rank_cd(to_tsvector('simple'::regconfig, ticket_search_text(m.body)), q.query, 1)::float8 AS score
        FROM ticket_messages m JOIN tickets t ON t.id = m.ticket_id
             CROSS JOIN (SELECT to_tsquery('simple'::regconfig, string_agg('''' || cleaned || '''' || CASE WHEN prefix THEN ':*' ELSE '' END, ' & ')) AS query
                         FROM (SELECT btrim(ticket_search_text(word)) AS cleaned, prefix
                               FROM unnest(@words, @prefixes) AS terms (word, prefix)) AS cleaned_terms
                         WHERE cleaned <> '') q
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
        if (_postgres)
        {
            dialect.AddSearchParameters(command, terms);
        }
        else
        {
            // Each term quoted, as article search does: FTS5 syntax in ticket text is only text.
            Add(command, "@all", string.Join(" AND ", terms.Select(t => t.Prefix ? $"\"{t.Text}\"*" : $"\"{t.Text}\"")));
        }
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

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
