using System.Collections.Concurrent;
using TicketApi.Conversations;
using TicketApi.Data;
using TicketApi.Mail;

namespace AgentTickets.Testing;

/// <summary>
/// Stands in for the outbox (another feature's): records each staging call, so tests can say a reply was staged
/// exactly once by an approval and never by anything else; told to fail, it lets a test prove that a send whose
/// staging fails stores nothing.
/// </summary>
public sealed class RecordingOutbox : IOutbox
{
    public ConcurrentQueue<(long TicketId, string Body)> Replies { get; } = new();

    public ConcurrentQueue<(long TicketId, string Status)> StatusNotices { get; } = new();

    /// <summary>When set, staging a reply throws it: the send's transaction must then leave nothing stored.</summary>
    public Exception? FailStaging { get; set; }

    public void StageReply(TicketDbContext db, TicketEntity ticket, TicketMessageEntity reply)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(reply);
        if (FailStaging is { } failure)
        {
            throw failure;
        }
        Replies.Enqueue((ticket.Id, reply.Body));
    }

    public void StageStatusNotice(TicketDbContext db, TicketEntity ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        StatusNotices.Enqueue((ticket.Id, ticket.ResolutionStatus.ToString().ToUpperInvariant()));
    }
}
