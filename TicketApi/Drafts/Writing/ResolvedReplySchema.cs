namespace TicketApi.Drafts.Writing;

/// <summary>
/// The schema step that lets the offline writer rank earlier resolved tickets' sent replies
/// (docs/drafts.md, "Writing a draft: retrieval"). Appended to both migrators; self-contained, touching
/// only <c>ticket_messages</c>' indexes. Only messages of kind <c>reply</c> are indexed (customer messages
/// and internal notes never are: a note must not surface as a "similar answer"); whether the ticket is
/// resolved is checked when reading, because a ticket's status changes after its reply was sent.
/// </summary>
public static class ResolvedReplySchema
{
    /// <summary>
    /// FTS5 external-content table over the reply bodies, fed by triggers as <c>tickets_fts</c> is; a
    /// ticket's deletion cascades to its messages and SQLite fires their delete trigger. Existing replies
    /// are indexed by the step itself.
    /// </summary>
    public const string Sqlite =
        """
        CREATE VIRTUAL TABLE reply_fts USING fts5 (
            body, content = 'ticket_messages', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
        INSERT INTO reply_fts (rowid, body) SELECT id, body FROM ticket_messages WHERE kind = 'reply';
        CREATE TRIGGER reply_fts_insert AFTER INSERT ON ticket_messages WHEN new.kind = 'reply' BEGIN
            INSERT INTO reply_fts (rowid, body) VALUES (new.id, new.body);
        END;
        CREATE TRIGGER reply_fts_delete AFTER DELETE ON ticket_messages WHEN old.kind = 'reply' BEGIN
            INSERT INTO reply_fts (reply_fts, rowid, body) VALUES ('delete', old.id, old.body);
        END;
        CREATE TRIGGER reply_fts_update AFTER UPDATE OF kind, body ON ticket_messages BEGIN
            INSERT INTO reply_fts (reply_fts, rowid, body) SELECT 'delete', old.id, old.body WHERE old.kind = 'reply';
            INSERT INTO reply_fts (rowid, body) SELECT new.id, new.body WHERE new.kind = 'reply';
        END;
        """;

    /// <summary>
    /// A partial GIN expression index over the words ticket search sees (step 1's <c>ticket_search_text</c>);
    /// the query repeats the expression exactly so the planner uses it.
    /// </summary>
    public const string Postgres =
        """
        CREATE INDEX ix_ticket_messages_reply_search ON ticket_messages
            USING gin (to_tsvector('simple'::regconfig, ticket_search_text(body))) WHERE kind = 'reply';
        """;
}
