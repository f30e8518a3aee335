using System.Net;
using Microsoft.EntityFrameworkCore;
using TicketApi.Data;

namespace TicketApi.Channels.Freshdesk;

/// <summary>
/// Posts approved replies back (docs/channels.md, "Freshdesk connector: posting back"), oldest first. Before each
/// POST it lists the ticket's conversations and looks for the reply's marker: a POST that reached Freshdesk but was
/// never marked here (a crash, a dropped answer) is found and marked, not posted again. The POST itself is not
/// retried on a failure after sending (only a 429, which Freshdesk did not act on): the reply stays queued and the
/// next cycle checks again. Marking the reply and the conversation as known is one transaction.
/// </summary>
public sealed class FreshdeskReplySender(TicketDbContext db, WriteGate gate, TimeProvider clock)
{
    public async Task<int> SendQueuedAsync(FreshdeskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var queued = await db.Set<FreshdeskReply>().AsNoTracking()
            .Where(r => r.Status == FreshdeskReplyStatuses.Queued).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var reply in queued)
        {
            if (await FreshdeskLinks.FreshdeskIdOfAsync(db, reply.TicketId, cancellationToken) is not { } freshdeskId)
            {
                await FinishAsync(reply, FreshdeskReplyStatuses.Failed, null, null, "The ticket has no Freshdesk link.", cancellationToken);
                continue;
            }
            try
            {
                var posted = (await client.ConversationsAsync(freshdeskId, cancellationToken))
                    .FirstOrDefault(c => c.Body?.Contains(reply.Marker, StringComparison.Ordinal) == true)
                    ?? await PostAsync(client, reply, freshdeskId, cancellationToken);
                await FinishAsync(reply, FreshdeskReplyStatuses.Sent, posted.Id, freshdeskId, null, cancellationToken);
                sent++;
            }
            catch (FreshdeskException exception) when (exception.Status == HttpStatusCode.NotFound)
            {
                await FinishAsync(reply, FreshdeskReplyStatuses.Failed, null, null, exception.Message, cancellationToken);
            }
        }
        return sent;
    }

    private async Task<FreshdeskConversation> PostAsync(FreshdeskClient client, FreshdeskReply reply, long freshdeskId, CancellationToken cancellationToken)
    {
        await gate.RunAsync(() => db.Set<FreshdeskReply>().Where(r => r.Id == reply.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.Attempts, r => r.Attempts + 1), cancellationToken), cancellationToken);
        return await client.ReplyAsync(freshdeskId, reply.Body, cancellationToken);
    }

    private Task<bool> FinishAsync(FreshdeskReply reply, string status, long? conversationId, long? freshdeskId, string? error, CancellationToken cancellationToken) =>
        gate.RunAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            DateTime? sentAt = status == FreshdeskReplyStatuses.Sent ? new DateTime(now.Ticks - now.Ticks % 10, DateTimeKind.Utc) : null;
            await db.Set<FreshdeskReply>().Where(r => r.Id == reply.Id).ExecuteUpdateAsync(set => set
                .SetProperty(r => r.Status, status)
                .SetProperty(r => r.ConversationId, conversationId)
                .SetProperty(r => r.SentAt, sentAt)
                .SetProperty(r => r.LastError, error), cancellationToken);
            if (conversationId is { } conversation && freshdeskId is { } ticket)
            {
                await FreshdeskLinks.AddConversationAsync(db, conversation, ticket, cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            return true;
        }, cancellationToken);
}
