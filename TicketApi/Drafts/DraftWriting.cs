using TicketApi.Contracts;

namespace TicketApi.Drafts;

/// <summary>Whether a draft should settle the ticket (docs/drafts.md, "The draft").</summary>
public static class SolutionStatuses
{
    /// <summary>The reply should fully solve the problem.</summary>
    public const string Final = "FINAL";

    /// <summary>Information is missing or more steps are needed; the reply asks the follow-up questions.</summary>
    public const string NeedsFollowUp = "NEEDS_FOLLOW_UP";

    public static IReadOnlyList<string> All { get; } = [Final, NeedsFollowUp];
}

/// <summary>What a draft rests on: <c>article</c> (a knowledge-base article) or <c>ticket</c> (an earlier resolved ticket's sent reply).</summary>
public sealed record DraftSource(string Type, long Id, string Title);

/// <summary>
/// What a writer produces; storage adds the version, status, instruction and timestamps around it.
/// </summary>
/// <param name="Reply">Plain text for the requester: customer-safe, never holding internal notes or tech instructions.</param>
/// <param name="TechInstructions">For staff only; never sent.</param>
/// <param name="GeneratedBy"><c>offline</c> or <c>model:&lt;name&gt;</c>.</param>
/// <param name="Remark">
/// Said back to the person who asked for a refinement when part of it could not be applied (an instruction is
/// never silently ignored); null when everything asked was done.
/// </param>
public sealed record DraftContent(
    string Reply,
    string TechInstructions,
    string SolutionStatus,
    IReadOnlyList<string> FollowUpQuestions,
    IReadOnlyList<DraftSource> Sources,
    string GeneratedBy,
    string? Remark = null);

/// <summary>The ticket a draft answers and its thread so far, oldest first.</summary>
public sealed record DraftSubject(TicketDto Ticket, IReadOnlyList<TicketMessageDto> Thread);

/// <summary>
/// Receives the reply's text as it is produced, piece by piece, in order (the SSE <c>token</c> frames of
/// <c>POST /api/tickets/{id}/draft</c>); the pieces concatenate to <see cref="DraftContent.Reply"/>.
/// </summary>
public delegate ValueTask ReplyTextSink(string text, CancellationToken cancellationToken);

/// <summary>
/// Writes drafts: offline (knowledge-base retrieval, no network) or with a model, which falls back to the
/// offline writer when it gives no usable answer. Writing sends nothing: only the approval call does.
/// </summary>
public interface IDraftWriter
{
    /// <summary>A fresh draft for the subject.</summary>
    Task<DraftContent> WriteAsync(DraftSubject subject, ReplyTextSink? replyText, CancellationToken cancellationToken);

    /// <summary>
    /// The current draft changed as <paramref name="instruction"/> asks ("make it more concise", "more formal",
    /// "add more detail about the VPN client"); what cannot be applied is said in <see cref="DraftContent.Remark"/>.
    /// </summary>
    Task<DraftContent> RefineAsync(
        DraftSubject subject, DraftContent current, string instruction, ReplyTextSink? replyText, CancellationToken cancellationToken);
}
