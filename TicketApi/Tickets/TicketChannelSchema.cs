namespace TicketApi.Tickets;

/// <summary>
/// The schema step that records where each ticket was filed (<c>tickets.channel</c>: rest, chat, mcp, web, email,
/// freshdesk or system; docs/rest-api.md, "channel"). Tickets filed before it are marked <c>rest</c>, the only way
/// in until then besides the chat, which cannot be told apart afterwards. No CHECK constraint: the list of channels
/// grows with the product, and SQLite cannot change a CHECK without rebuilding the table; the writer is the one
/// place that sets it, from <see cref="Accounts.ActingContext"/>. The index serves analytics' per-channel counts.
/// </summary>
public static class TicketChannelSchema
{
    public const string Sqlite =
        """
        ALTER TABLE tickets ADD COLUMN channel TEXT NOT NULL DEFAULT 'rest';
        CREATE INDEX ix_tickets_channel ON tickets (channel, created);
        """;

    public const string Postgres =
        """
        ALTER TABLE tickets ADD COLUMN channel text NOT NULL DEFAULT 'rest';
        CREATE INDEX ix_tickets_channel ON tickets (channel, created);
        """;
}
