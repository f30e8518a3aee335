namespace TicketApi.Ratings;

/// <summary>
/// The schema step for satisfaction ratings (docs/accounts.md, "Satisfaction"). A ticket is rated at most once,
/// so the rating lives on the ticket's row: the one conditional UPDATE that records it (<c>rating_score IS NULL</c>)
/// is what makes "once" hold under concurrent submissions on either store, and the ticket's reads carry it with
/// no join. The partial index keeps the summary (<c>GET /api/ratings/summary</c>) to the rated rows.
/// </summary>
public static class RatingSchema
{
    public const string Sqlite =
        """
        ALTER TABLE tickets ADD COLUMN rating_score INTEGER CHECK (rating_score BETWEEN 1 AND 5);
        ALTER TABLE tickets ADD COLUMN rating_comment TEXT;
        ALTER TABLE tickets ADD COLUMN rated_at INTEGER; -- microseconds since 1970-01-01 UTC, as tickets.created
        CREATE INDEX ix_tickets_rated ON tickets (rating_score, category) WHERE rating_score IS NOT NULL;
        """;

    public const string Postgres =
        """
        ALTER TABLE tickets
            ADD COLUMN rating_score integer CHECK (rating_score BETWEEN 1 AND 5),
            ADD COLUMN rating_comment text,
            ADD COLUMN rated_at timestamptz;
        CREATE INDEX ix_tickets_rated ON tickets (rating_score, category) WHERE rating_score IS NOT NULL;
        """;
}
