namespace TicketApi.Analytics;

/// <summary>
/// The analytics counters' schema step (appended to both stores' migrators; docs/analytics.md, "Counters").
/// Self-contained. <c>analytics_state.built</c> starts at 0, so the first start after the upgrade fills the
/// counters from the tickets already there (<see cref="AnalyticsRebuild"/>) before it serves requests.
/// </summary>
public static class AnalyticsSchema
{
    public const string Sqlite =
        """
        CREATE TABLE analytics_counts (
            figure TEXT NOT NULL,
            day INTEGER NOT NULL, -- UTC days since 1970-01-01; 0 for the figures of the tickets as they are now
            key TEXT NOT NULL,
            slot INTEGER NOT NULL,
            n INTEGER NOT NULL,
            PRIMARY KEY (figure, day, key, slot)
        ) WITHOUT ROWID;
        CREATE TABLE analytics_state (id INTEGER PRIMARY KEY CHECK (id = 1), built INTEGER NOT NULL);
        INSERT INTO analytics_state (id, built) VALUES (1, 0);
        """;

    public const string Postgres =
        """
        CREATE TABLE analytics_counts (
            figure text NOT NULL,
            day integer NOT NULL,
            key text NOT NULL,
            slot integer NOT NULL,
            n bigint NOT NULL,
            PRIMARY KEY (figure, day, key, slot)
        );
        CREATE TABLE analytics_state (id integer PRIMARY KEY CHECK (id = 1), built integer NOT NULL);
        INSERT INTO analytics_state (id, built) VALUES (1, 0);
        """;
}
