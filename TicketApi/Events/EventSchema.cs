namespace TicketApi.Events;

/// <summary>
/// The live events' schema step (appended to both stores' migrators; docs/accounts.md, "Live events"). Self-contained.
/// <para>
/// A reader resumes after the last id it saw, so ids must become visible in ascending order. SQLite has one
/// writer at a time, so AUTOINCREMENT ids commit in order. On PostgreSQL concurrent transactions would commit
/// their sequence numbers out of order (a reader could see 7 before 6 commits, and then never see 6), so a
/// trigger takes a transaction-scoped advisory lock before numbering the row: the lock is held until commit,
/// which makes numbering and committing one queue. Events are the last rows a write adds, so the lock is held
/// for the commit only and is never waited on while holding it.
/// </para>
/// <para>
/// <c>ticket_events_pruned</c> remembers the highest id the pruner removed, so a reader who asks to resume
/// from an older id is told exactly that events were missed (a gap in ids alone could be a rolled-back write).
/// </para>
/// </summary>
public static class EventSchema
{
    public const string Sqlite =
        """
        CREATE TABLE ticket_events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at INTEGER NOT NULL, -- microseconds since 1970-01-01 UTC, as tickets.created
            type TEXT NOT NULL,
            ticket_id INTEGER NOT NULL,
            data TEXT NOT NULL,
            urgent INTEGER NOT NULL,
            requester_email TEXT COLLATE NOCASE,
            staff_only INTEGER NOT NULL
        );
        CREATE TABLE ticket_events_pruned (id INTEGER PRIMARY KEY CHECK (id = 1), through INTEGER NOT NULL);
        INSERT INTO ticket_events_pruned (id, through) VALUES (1, 0);
        """;

    public const string Postgres =
        """
        CREATE SEQUENCE ticket_events_id_seq;
        CREATE TABLE ticket_events (
            id bigint PRIMARY KEY,
            at timestamptz NOT NULL,
            type text NOT NULL,
            ticket_id bigint NOT NULL,
            data text NOT NULL,
            urgent boolean NOT NULL,
            requester_email text,
            staff_only boolean NOT NULL
        );
        ALTER SEQUENCE ticket_events_id_seq OWNED BY ticket_events.id;
        CREATE FUNCTION ticket_events_number() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_advisory_xact_lock(7598402712837486963); -- any constant; "ticket_events" in spirit
            NEW.id := nextval('ticket_events_id_seq');
            RETURN NEW;
        END
        $$;
        CREATE TRIGGER ticket_events_number BEFORE INSERT ON ticket_events FOR EACH ROW EXECUTE FUNCTION ticket_events_number();
        CREATE TABLE ticket_events_pruned (id integer PRIMARY KEY CHECK (id = 1), through bigint NOT NULL);
        INSERT INTO ticket_events_pruned (id, through) VALUES (1, 0);
        """;
}
