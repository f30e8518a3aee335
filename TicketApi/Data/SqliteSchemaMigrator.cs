using Microsoft.Data.Sqlite;
using TicketApi.Triage;

namespace TicketApi.Data;

/// <summary>
/// Creates or upgrades the SQLite schema on start, tracked by SQLite's <c>user_version</c>, so a fresh
/// machine needs no migration step and a file of an earlier release upgrades in place (docs/storage.md,
/// "Schema versions"). Schema is plain SQL because FTS5 tables and triggers are outside what EF models.
/// </summary>
public static class SqliteSchemaMigrator
{
    // Append new steps; never edit a step that has shipped.
    private static readonly string[] Steps =
    [
        // 1: stage 1 (the first release).
        """
        CREATE TABLE tickets (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            title TEXT NOT NULL COLLATE NOCASE,
            description TEXT NOT NULL DEFAULT '',
            created INTEGER NOT NULL, -- microseconds since 1970-01-01 UTC: datetime(created / 1e6, 'unixepoch')
            updated INTEGER NOT NULL,
            resolution_status TEXT NOT NULL DEFAULT 'OPEN' CHECK (resolution_status IN ('OPEN', 'RESOLVED', 'CLOSED')),
            version INTEGER NOT NULL DEFAULT 1
        );
        CREATE INDEX ix_tickets_created ON tickets (created, id);
        CREATE INDEX ix_tickets_updated ON tickets (updated, id);
        CREATE INDEX ix_tickets_status_created ON tickets (resolution_status, created, id);
        CREATE INDEX ix_tickets_status_updated ON tickets (resolution_status, updated, id);

        -- Full-text index over title and description, kept in sync by triggers.
        CREATE VIRTUAL TABLE tickets_fts USING fts5 (
            title, description, content = 'tickets', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
        CREATE TRIGGER tickets_fts_insert AFTER INSERT ON tickets BEGIN
            INSERT INTO tickets_fts (rowid, title, description) VALUES (new.id, new.title, new.description);
        END;
        CREATE TRIGGER tickets_fts_delete AFTER DELETE ON tickets BEGIN
            INSERT INTO tickets_fts (tickets_fts, rowid, title, description) VALUES ('delete', old.id, old.title, old.description);
        END;
        CREATE TRIGGER tickets_fts_update AFTER UPDATE OF title, description ON tickets
        WHEN old.title IS NOT new.title OR old.description IS NOT new.description BEGIN
            INSERT INTO tickets_fts (tickets_fts, rowid, title, description) VALUES ('delete', old.id, old.title, old.description);
            INSERT INTO tickets_fts (rowid, title, description) VALUES (new.id, new.title, new.description);
        END;

        -- Per-status counts, so the list's "count" for status-only filters costs O(1) instead of an index scan.
        CREATE TABLE ticket_counts (resolution_status TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
        INSERT INTO ticket_counts (resolution_status, n) VALUES ('OPEN', 0), ('RESOLVED', 0), ('CLOSED', 0);
        CREATE TRIGGER ticket_counts_insert AFTER INSERT ON tickets BEGIN
            UPDATE ticket_counts SET n = n + 1 WHERE resolution_status = new.resolution_status;
        END;
        CREATE TRIGGER ticket_counts_delete AFTER DELETE ON tickets BEGIN
            UPDATE ticket_counts SET n = n - 1 WHERE resolution_status = old.resolution_status;
        END;
        CREATE TRIGGER ticket_counts_update AFTER UPDATE OF resolution_status ON tickets
        WHEN old.resolution_status IS NOT new.resolution_status BEGIN
            UPDATE ticket_counts SET n = n - 1 WHERE resolution_status = old.resolution_status;
            UPDATE ticket_counts SET n = n + 1 WHERE resolution_status = new.resolution_status;
        END;
        """,
        // 2: ordering by title walked the whole table and sorted it; the index serves it page by page
        // (the column's NOCASE collation carries into the index, so it matches ORDER BY title).
        """
        CREATE INDEX ix_tickets_title ON tickets (title, id);
        """,
        // 3: stage-2 ticket fields (docs/triage.md). Priority is its rank (LOW 0 .. URGENT 3) so that
        // ordering by it walks an index; the queue page (resolution_status=OPEN&ordering=-priority,created)
        // is served by ix_tickets_status_priority in exactly its order (the id tie-break follows the first key,
        // descending). Existing tickets are triaged after this SQL (TriageBackfill).
        """
        ALTER TABLE tickets ADD COLUMN priority INTEGER NOT NULL DEFAULT 1 CHECK (priority BETWEEN 0 AND 3);
        ALTER TABLE tickets ADD COLUMN category TEXT NOT NULL DEFAULT 'OTHER'
            CHECK (category IN ('ACCOUNT', 'NETWORK', 'EMAIL', 'HARDWARE', 'SOFTWARE', 'BILLING', 'OTHER'));
        ALTER TABLE tickets ADD COLUMN sentiment TEXT NOT NULL DEFAULT 'NEUTRAL' CHECK (sentiment IN ('NEGATIVE', 'NEUTRAL', 'POSITIVE'));
        ALTER TABLE tickets ADD COLUMN requester_name TEXT;
        ALTER TABLE tickets ADD COLUMN requester_email TEXT COLLATE NOCASE;
        ALTER TABLE tickets ADD COLUMN triage TEXT;
        ALTER TABLE tickets ADD COLUMN first_response_at INTEGER;
        ALTER TABLE tickets ADD COLUMN resolved_at INTEGER;
        ALTER TABLE tickets ADD COLUMN closed_at INTEGER;
        CREATE INDEX ix_tickets_status_priority ON tickets (resolution_status, priority DESC, created, id DESC);
        CREATE INDEX ix_tickets_priority ON tickets (priority DESC, created, id DESC);
        CREATE INDEX ix_tickets_category ON tickets (category, created, id);
        CREATE INDEX ix_tickets_requester_email ON tickets (requester_email) WHERE requester_email IS NOT NULL;
        """,
        // 4: conversation threads (docs/storage.md, "Conversation threads"). A thread is read oldest first,
        // page by page, so (ticket_id, id) is its order; deleting a ticket deletes its thread (e_sqlite3 is
        // built with foreign keys on, and EF's connections keep them on).
        """
        CREATE TABLE ticket_messages (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            ticket_id INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('customer', 'reply', 'note')),
            author TEXT,
            body TEXT NOT NULL,
            created INTEGER NOT NULL, -- microseconds since 1970-01-01 UTC, as tickets.created
            channel TEXT NOT NULL CHECK (channel IN ('rest', 'chat', 'mcp', 'web', 'email', 'system'))
        );
        CREATE INDEX ix_ticket_messages_ticket ON ticket_messages (ticket_id, id);
        """,
        // 5: the knowledge base (docs/knowledge-base.md); touches no ticket table.
        KnowledgeBase.Storage.ArticleSchema.Sqlite,
        // 6: earlier resolved tickets' sent replies, ranked for drafting (docs/drafts.md, "Writing a draft"); touches only ticket_messages' indexes.
        Drafts.Writing.ResolvedReplySchema.Sqlite,
        // 7: the tickets table's revision: every insert, update and delete of a ticket moves it, from this process
        // or any other, so a list page can be answered again from memory while it stands (TicketPageCache;
        // docs/storage.md, "Fast paths"). One row, written inside the writing statement's own transaction.
        """
        CREATE TABLE ticket_revision (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL);
        INSERT INTO ticket_revision (id, n) VALUES (1, 0);
        CREATE TRIGGER tickets_revision_insert AFTER INSERT ON tickets BEGIN UPDATE ticket_revision SET n = n + 1; END;
        CREATE TRIGGER tickets_revision_update AFTER UPDATE ON tickets BEGIN UPDATE ticket_revision SET n = n + 1; END;
        CREATE TRIGGER tickets_revision_delete AFTER DELETE ON tickets BEGIN UPDATE ticket_revision SET n = n + 1; END;
        """,
        // 8: the outbox (docs/mail.md, "Storage"); touches no other table.
        Mail.OutboxSchema.Sqlite,
        // 9: drafts: every version of a ticket's drafted reply (docs/drafts.md, "Storage"); touches no other table.
        Drafts.Storage.DraftSchema.Sqlite,
        // 10: accounts: ASP.NET Core Identity's tables and the three roles (docs/accounts.md, "Storage"); touches no other table.
        Accounts.AccountSchema.Sqlite,
        // 11: visibility: who filed each ticket (a user id), so a requester's tickets are those sent as theirs or filed
        // by them (docs/accounts.md, "Visibility"). The requester's list ORs this index with ix_tickets_requester_email.
        Tickets.TicketVisibility.FiledBySchemaSqlite,
        // 12: API keys: their hashes, scopes, last use and revocation (docs/accounts.md, "API keys"); touches no other table.
        Accounts.Keys.ApiKeySchema.Sqlite,
        // 13: the audit trail (docs/accounts.md, "Audit"); touches no other table.
        Audit.AuditSchema.Sqlite,
        // 14: the live events and their pruning mark (docs/accounts.md, "Live events"); touches no other table.
        Events.EventSchema.Sqlite,
        // 15: tickets' assignee (docs/accounts.md, "Assignment"); touches only the tickets table.
        Assignment.AssignmentSchema.Sqlite,
        // 16: satisfaction ratings on the ticket row (docs/accounts.md, "Satisfaction"); touches only the tickets table.
        Ratings.RatingSchema.Sqlite,
        // 17: where each ticket was filed (docs/rest-api.md, "channel"); touches only the tickets table.
        Tickets.TicketChannelSchema.Sqlite,
        // 18: the inbound mailbox's memory of the mail it imported (docs/channels.md, "Exactly once"); touches no other table.
        Channels.Mail.MailImportSchema.Sqlite,
        // 19: the analytics counters, filled from the existing tickets at the next start (docs/analytics.md, "Counters"); touches no other table.
        Analytics.AnalyticsSchema.Sqlite,
        // 20: the Freshdesk connector's links, cursor and reply queue (docs/channels.md, "Freshdesk connector"); touches no other table.
        Channels.Freshdesk.FreshdeskSchema.Sqlite,
        // 21: ticket_messages.channel and audit_log.channel may say 'freshdesk': the tables are rebuilt, as SQLite cannot alter a CHECK (docs/channels.md).
        Channels.Freshdesk.FreshdeskSchema.SqliteMessageChannels,
    ];

    /// <summary>The step after which existing tickets are triaged (<see cref="TriageBackfill"/>).</summary>
    private const int TriageFieldsStep = 3;

    public static int LatestVersion => Steps.Length;

    /// <param name="triager">Built only when an upgrade finds tickets to triage; by default the shared embedded-set triager.</param>
    public static void Migrate(string connectionString, Func<OfflineTriager>? triager = null) => Migrate(connectionString, Steps.Length, triager);

    /// <summary>The 1-based number of a step, found by its SQL: how upgrade tests name "the schema before step X" without hard-coding it.</summary>
    internal static int StepOf(string sql) => Array.IndexOf(Steps, sql) + 1;

    /// <summary>Up to <paramref name="target"/> only: how the upgrade tests build a database of an earlier version.</summary>
    internal static void Migrate(string connectionString, int target, Func<OfflineTriager>? triager = null)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        Execute(connection, "PRAGMA journal_mode = WAL;");

        // IMMEDIATE takes the write lock first, so two processes starting together cannot both migrate.
        using var transaction = connection.BeginTransaction(deferred: false);
        var current = Convert.ToInt32(Scalar(connection, "PRAGMA user_version;"), System.Globalization.CultureInfo.InvariantCulture);
        if (current > Steps.Length)
        {
            throw new InvalidOperationException(
                $"The database schema is version {current}, newer than this build knows ({Steps.Length}). Use a newer build.");
        }
        target = Math.Max(target, current);
        for (var step = current; step < target; step++)
        {
            Execute(connection, Steps[step]);
            if (step + 1 == TriageFieldsStep)
            {
                // Microsoft.Data.Sqlite's async methods complete synchronously, so waiting here blocks nothing more.
                TriageBackfill.RunAsync(connection, triager ?? TriageBackfill.SharedTriager, DateTime.UtcNow, CancellationToken.None)
                    .GetAwaiter().GetResult();
            }
        }
        Execute(connection, $"PRAGMA user_version = {target};");
        transaction.Commit();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
