namespace TicketApi.Assignment;

/// <summary>
/// The schema step that gives tickets an assignee (docs/accounts.md, "Assignment"): the person's id and the name
/// shown for them, both null while nobody is assigned. The index serves <c>assignee=me|none|&lt;id&gt;</c> in the
/// list's default order (created, id), the null group included, so "my queue" is an index walk.
/// </summary>
public static class AssignmentSchema
{
    public const string Sqlite =
        """
        ALTER TABLE tickets ADD COLUMN assignee_id TEXT;
        ALTER TABLE tickets ADD COLUMN assignee_name TEXT;
        CREATE INDEX ix_tickets_assignee ON tickets (assignee_id, created, id);
        """;

    public const string Postgres =
        """
        ALTER TABLE tickets
            ADD COLUMN assignee_id text,
            ADD COLUMN assignee_name text;
        CREATE INDEX ix_tickets_assignee ON tickets (assignee_id, created, id);
        """;
}
