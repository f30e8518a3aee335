using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TicketApi.Data;

namespace TicketApi.Channels.Freshdesk;

/// <summary>
/// The connector's marks in the ticket database (<see cref="FreshdeskSchema"/>): which Freshdesk ticket is which of
/// ours and up to which <c>updated_at</c> it is mirrored, which conversations are in, and the poll's cursor. Plain
/// parameterised SQL through the caller's context, so a mark can join the transaction of the write it records.
/// Timestamps are kept as ISO-8601 text, as Freshdesk sends them.
/// </summary>
public static class FreshdeskLinks
{
    public sealed record Link(long TicketId, string UpdatedAt);

    /// <summary>The mark a link carries until the ticket's conversations are all in, so a failed import is finished by the next poll.</summary>
    public const string Unfinished = "";

    public static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);

    public static async Task<Link?> FindAsync(TicketDbContext db, long freshdeskId, CancellationToken cancellationToken)
    {
        var rows = await db.Database
            .SqlQuery<LinkRow>($"SELECT ticket_id AS \"TicketId\", freshdesk_updated_at AS \"UpdatedAt\" FROM freshdesk_links WHERE freshdesk_id = {freshdeskId}")
            .ToListAsync(cancellationToken);
        return rows is [var row] ? new Link(row.TicketId, row.UpdatedAt) : null;
    }

    public static async Task<long?> FreshdeskIdOfAsync(TicketDbContext db, long ticketId, CancellationToken cancellationToken)
    {
        var rows = await db.Database
            .SqlQuery<long>($"SELECT freshdesk_id AS \"Value\" FROM freshdesk_links WHERE ticket_id = {ticketId}")
            .ToListAsync(cancellationToken);
        return rows is [var id] ? id : null;
    }

    public static Task AddAsync(TicketDbContext db, long freshdeskId, long ticketId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"INSERT INTO freshdesk_links (freshdesk_id, ticket_id, freshdesk_updated_at) VALUES ({freshdeskId}, {ticketId}, {Unfinished})",
            cancellationToken);

    public static Task MarkMirroredAsync(TicketDbContext db, long freshdeskId, string updatedAt, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"UPDATE freshdesk_links SET freshdesk_updated_at = {updatedAt} WHERE freshdesk_id = {freshdeskId}", cancellationToken);

    public static async Task<HashSet<long>> ConversationsAsync(TicketDbContext db, long freshdeskId, CancellationToken cancellationToken) =>
        [.. await db.Database
            .SqlQuery<long>($"SELECT conversation_id AS \"Value\" FROM freshdesk_conversations WHERE freshdesk_id = {freshdeskId}")
            .ToListAsync(cancellationToken)];

    /// <summary>Idempotent: the reply sender and the poller may both see the conversation we posted.</summary>
    public static Task AddConversationAsync(TicketDbContext db, long conversationId, long freshdeskId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"INSERT INTO freshdesk_conversations (conversation_id, freshdesk_id) VALUES ({conversationId}, {freshdeskId}) ON CONFLICT (conversation_id) DO NOTHING",
            cancellationToken);

    public static async Task<DateTimeOffset?> CursorAsync(TicketDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.Database.SqlQuery<string>($"SELECT updated_since AS \"Value\" FROM freshdesk_cursor WHERE id = 1").ToListAsync(cancellationToken);
        return rows is [var text] ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) : null;
    }

    public static Task SetCursorAsync(TicketDbContext db, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var text = Stamp(since);
        return db.Database.ExecuteSqlAsync(
            $"INSERT INTO freshdesk_cursor (id, updated_since) VALUES (1, {text}) ON CONFLICT (id) DO UPDATE SET updated_since = excluded.updated_since",
            cancellationToken);
    }

    private sealed record LinkRow(long TicketId, string UpdatedAt);
}
