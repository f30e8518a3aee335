using TicketApi.Conversations;
using TicketApi.Data;
using TicketApi.Mail;

namespace TicketApi.Drafts;

/// <summary>
/// Thrown by the stand-ins below: a host that registered no draft writer or no outbox cannot draft or send, and
/// says so (503) rather than failing to start or, worse, sending without queueing the mail.
/// </summary>
public sealed class DraftPartUnavailableException(string message) : InvalidOperationException(message);

/// <summary>
/// What <see cref="DraftsExtensions.AddDrafts"/> registers when the host has no <see cref="IDraftWriter"/> (the
/// writers are their own feature, <c>AddDraftWriting</c>): every request for a draft is a 503 saying why.
/// </summary>
public sealed class UnavailableDraftWriter : IDraftWriter
{
    private const string Reason = "no draft writer is configured in this host.";

    public Task<DraftContent> WriteAsync(DraftSubject subject, ReplyTextSink? replyText, CancellationToken cancellationToken) =>
        throw new DraftPartUnavailableException(Reason);

    public Task<DraftContent> RefineAsync(DraftSubject subject, DraftContent current, string instruction, ReplyTextSink? replyText, CancellationToken cancellationToken) =>
        throw new DraftPartUnavailableException(Reason);
}

/// <summary>
/// What <see cref="DraftsExtensions.AddDrafts"/> registers when the host has no <see cref="IOutbox"/> (outbound
/// mail is its own feature): an approval then fails whole, before anything is stored, with a 503; a reply is
/// never added to the thread without its email being queued.
/// </summary>
public sealed class UnavailableOutbox : IOutbox
{
    private const string Reason = "no outbox is configured in this host, so the email to the requester cannot be queued.";

    public void StageReply(TicketDbContext db, TicketEntity ticket, TicketMessageEntity reply) => throw new DraftPartUnavailableException(Reason);

    public void StageStatusNotice(TicketDbContext db, TicketEntity ticket) => throw new DraftPartUnavailableException(Reason);
}
