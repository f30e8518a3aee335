namespace TicketApi.Drafts.Storage;

/// <summary>
/// The drafts' schema step, appended to both stores' migrators (docs/storage.md, "Schema versions";
/// docs/drafts.md, "Storage"). Every version is a row keyed by (ticket_id, version), so the history is read
/// newest first straight off the key and two writers cannot both add the same version; deleting a ticket
/// deletes its drafts.
/// </summary>
public static class DraftSchema
{
    private const string Statuses = "'DRAFT', 'SENT', 'DISCARDED'";
    private const string SolutionStatuses = "'FINAL', 'NEEDS_FOLLOW_UP'";

    public const string Sqlite =
        $"""
        CREATE TABLE ticket_drafts (
            ticket_id INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
            version INTEGER NOT NULL CHECK (version >= 1),
            status TEXT NOT NULL CHECK (status IN ({Statuses})),
            reply TEXT NOT NULL,
            tech_instructions TEXT NOT NULL DEFAULT '',
            solution_status TEXT NOT NULL CHECK (solution_status IN ({SolutionStatuses})),
            follow_up_questions TEXT NOT NULL DEFAULT '[]', -- JSON array of strings
            sources TEXT NOT NULL DEFAULT '[]', -- JSON array of objects with type, id and title
            instruction TEXT,
            generated_by TEXT NOT NULL,
            edited INTEGER NOT NULL DEFAULT 0 CHECK (edited IN (0, 1)),
            remark TEXT,
            created INTEGER NOT NULL, -- microseconds since 1970-01-01 UTC, as tickets.created
            updated INTEGER NOT NULL,
            PRIMARY KEY (ticket_id, version)
        ) WITHOUT ROWID;
        """;

    public const string Postgres =
        $"""
        CREATE TABLE ticket_drafts (
            ticket_id bigint NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
            version bigint NOT NULL CHECK (version >= 1),
            status text NOT NULL CHECK (status IN ({Statuses})),
            reply text NOT NULL,
            tech_instructions text NOT NULL DEFAULT '',
            solution_status text NOT NULL CHECK (solution_status IN ({SolutionStatuses})),
            follow_up_questions text NOT NULL DEFAULT '[]',
            sources text NOT NULL DEFAULT '[]',
            instruction text,
            generated_by text NOT NULL,
            edited boolean NOT NULL DEFAULT false,
            remark text,
            created timestamptz NOT NULL,
            updated timestamptz NOT NULL,
            PRIMARY KEY (ticket_id, version)
        );
        """;
}
