using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TicketApi.Contracts;
using TicketApi.Conversations;
using TicketApi.Data;
using TicketApi.Drafts.Storage;
using TicketApi.Http;
using TicketApi.Querying;
using TicketApi.Tickets;

namespace TicketApi.Drafts;

/// <summary>
/// A ticket's drafts with their rules (docs/drafts.md, "Drafts over REST"): the REST endpoints and the
/// in-process ticket service both go through it, so both refuse the same things with the same problem
/// details. Writing a draft stages nothing; only <see cref="SendAsync"/> does. Scoped, like the stores.
/// </summary>
public sealed class TicketDrafts(TicketReader reader, TicketDbContext db, DraftStore store, DraftSender sender, IDraftWriter writer)
{
    /// <summary>The thread a writer sees: the newest messages, oldest first (a long thread's start matters least).</summary>
    private const int ThreadLimit = 200;

    /// <summary>A stored draft and whether it is a new current draft (201) or replaced the current one (200).</summary>
    public sealed record Written(DraftDto Draft, bool IsNew);

    /// <summary>The current draft, with its version as the ETag's content.</summary>
    public async Task<TicketService.Outcome<DraftDto>> GetAsync(long ticketId, CancellationToken cancellationToken)
    {
        if (await reader.FindAsync(ticketId, cancellationToken) is null)
        {
            return DraftProblems.NoTicket(ticketId).ProblemDetails;
        }
        return await store.CurrentAsync(ticketId, cancellationToken) is { } draft
            ? Found(draft)
            : DraftProblems.NoDraft(ticketId).ProblemDetails;
    }

    /// <summary>Every version, newest first, a page at a time, with relative links (the REST face makes them absolute).</summary>
    public async Task<TicketService.Outcome<DraftPage>> HistoryAsync(long ticketId, int page, int pageSize, CancellationToken cancellationToken)
    {
        if (TicketConversations.PagingErrors(page, pageSize) is { Count: > 0 } errors)
        {
            return TicketProblems.Fields(StatusCodes.Status400BadRequest, "One or more query parameters are invalid.", errors).ProblemDetails;
        }
        pageSize = Math.Min(pageSize, TicketQuery.MaxPageSize);
        if (await reader.FindAsync(ticketId, cancellationToken) is null)
        {
            return DraftProblems.NoTicket(ticketId).ProblemDetails;
        }
        var (count, drafts) = await store.HistoryAsync(ticketId, page, pageSize, cancellationToken);
        if (page > 1 && drafts.Count == 0)
        {
            return TicketProblems.InvalidPage(page).ProblemDetails;
        }
        return new TicketService.Outcome<DraftPage>(new DraftPage(
            count,
            (long)page * pageSize < count ? Link(ticketId, page + 1, pageSize) : null,
            page > 1 ? Link(ticketId, page - 1, pageSize) : null,
            drafts.Select(d => d.ToDto()).ToList()), null);
    }

    /// <summary>
    /// A fresh draft (no <paramref name="instruction"/>) or a refinement of the current one, written by the
    /// configured <see cref="IDraftWriter"/>; its reply's pieces go to <paramref name="replyText"/> as they come.
    /// Nothing is stored unless the writer finishes; a cancelled request stores nothing.
    /// </summary>
    public async Task<TicketService.Outcome<Written>> GenerateAsync(long ticketId, string? instruction, ReplyTextSink? replyText, CancellationToken cancellationToken)
    {
        if (await reader.FindAsync(ticketId, cancellationToken) is not { } ticket)
        {
            return DraftProblems.NoTicket(ticketId).ProblemDetails;
        }
        instruction = DraftRules.Trim(instruction);
        if (DraftRules.InstructionErrors(instruction) is { Count: > 0 } errors)
        {
            return TicketProblems.Fields(StatusCodes.Status422UnprocessableEntity, "One or more fields have values a draft request cannot take.", errors).ProblemDetails;
        }
        var current = await store.CurrentAsync(ticketId, cancellationToken);
        if (instruction is not null && current is null)
        {
            return DraftProblems.NothingToRefine(ticketId).ProblemDetails;
        }

        var subject = new DraftSubject(ticket.ToDto(), await ThreadAsync(ticketId, cancellationToken));
        DraftContent content;
        try
        {
            content = instruction is null
                ? await writer.WriteAsync(subject, replyText, cancellationToken)
                : await writer.RefineAsync(subject, current!.ToContent(), instruction, replyText, cancellationToken);
        }
        catch (DraftPartUnavailableException ex)
        {
            return DraftProblems.WriterFailed(ticketId, ex.Message).ProblemDetails;
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !cancellationToken.IsCancellationRequested && ex is not IOException)
        {
            // A writer that fails is a service fault worth a clear 503, not a 500 with nothing said; nothing is stored.
            return DraftProblems.WriterFailed(ticketId, $"the writer failed ({ex.Message}).").ProblemDetails;
        }
        if (Unusable(content) is { } reason)
        {
            return DraftProblems.WriterFailed(ticketId, reason).ProblemDetails;
        }

        var draft = DraftEntity.From(content, instruction, edited: false);
        return await store.AddVersionAsync(ticketId, instruction is null ? null : current!.Version, draft, cancellationToken) switch
        {
            DraftStore.WriteOutcome.Saved saved => new TicketService.Outcome<Written>(new Written(saved.Draft.ToDto(), !saved.Replaced), null, saved.Draft.Version),
            DraftStore.WriteOutcome.Stale stale => DraftProblems.ChangedWhileRefining(ticketId, stale.CurrentVersion).ProblemDetails,
            DraftStore.WriteOutcome.NoCurrentDraft => DraftProblems.NothingToRefine(ticketId).ProblemDetails,
            _ => DraftProblems.NoTicket(ticketId).ProblemDetails,
        };
    }

    /// <summary>A person's edit: a new version with their reply and tech instructions, <c>edited: true</c>.</summary>
    /// <param name="ifMatch">An ETag of the draft version the person edited; a stale one is a 412.</param>
    public async Task<TicketService.Outcome<DraftDto>> EditAsync(long ticketId, DraftEdit edit, Func<long, bool>? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edit);
        if (await reader.FindAsync(ticketId, cancellationToken) is null)
        {
            return DraftProblems.NoTicket(ticketId).ProblemDetails;
        }
        edit = new DraftEdit(edit.Reply?.Trim() ?? "", edit.TechInstructions?.Trim() ?? "");
        if (DraftRules.EditErrors(edit) is { Count: > 0 } errors)
        {
            return TicketProblems.Fields(StatusCodes.Status422UnprocessableEntity, "One or more fields have values a draft edit cannot take.", errors).ProblemDetails;
        }
        if (await store.CurrentAsync(ticketId, cancellationToken) is not { } current)
        {
            return DraftProblems.NoDraft(ticketId).ProblemDetails;
        }
        if (ifMatch is not null && !ifMatch(current.Version))
        {
            return DraftProblems.Stale(ticketId, current.Version).ProblemDetails;
        }
        var draft = DraftEntity.From(current.ToContent() with { Reply = edit.Reply, TechInstructions = edit.TechInstructions, Remark = null },
            instruction: null, edited: true);
        return await store.AddVersionAsync(ticketId, current.Version, draft, cancellationToken) switch
        {
            DraftStore.WriteOutcome.Saved saved => Found(saved.Draft),
            DraftStore.WriteOutcome.Stale stale => DraftProblems.Stale(ticketId, stale.CurrentVersion).ProblemDetails,
            DraftStore.WriteOutcome.NoCurrentDraft => DraftProblems.NoDraft(ticketId).ProblemDetails,
            _ => DraftProblems.NoTicket(ticketId).ProblemDetails,
        };
    }

    /// <summary>Discards the current draft (status DISCARDED); the version stays in the history.</summary>
    public async Task<TicketService.Outcome<DraftDto>> DiscardAsync(long ticketId, Func<long, bool>? ifMatch, CancellationToken cancellationToken) =>
        await store.DiscardAsync(ticketId, ifMatch, cancellationToken) switch
        {
            DraftStore.WriteOutcome.Saved saved => new TicketService.Outcome<DraftDto>(saved.Draft.ToDto(), null),
            DraftStore.WriteOutcome.Stale stale => DraftProblems.Stale(ticketId, stale.CurrentVersion).ProblemDetails,
            DraftStore.WriteOutcome.NoCurrentDraft => DraftProblems.NoDraft(ticketId).ProblemDetails,
            _ => DraftProblems.NoTicket(ticketId).ProblemDetails,
        };

    /// <summary>
    /// The approval: the current draft's reply joins the thread as a <c>reply</c> and is staged for the
    /// requester, all in one transaction (<see cref="DraftSender"/>). <paramref name="ifMatch"/> (an ETag) and
    /// <see cref="DraftApproval.Version"/> both name the draft version approved; either stale is a 412.
    /// </summary>
    public async Task<TicketService.Outcome<TicketMessageDto>> SendAsync(long ticketId, DraftApproval approval, Func<long, bool>? ifMatch,
        string channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(approval);
        if (await reader.FindAsync(ticketId, cancellationToken) is null)
        {
            return DraftProblems.NoTicket(ticketId).ProblemDetails;
        }
        var author = DraftRules.Trim(approval.Author) is { Length: > 0 } trimmed ? trimmed : null;
        approval = approval with { Author = author };
        if (DraftRules.ApprovalErrors(approval) is { Count: > 0 } errors)
        {
            return TicketProblems.Fields(StatusCodes.Status422UnprocessableEntity, "One or more fields have values an approval cannot take.", errors).ProblemDetails;
        }
        Func<long, bool>? precondition = approval.Version is { } approved
            ? version => version == approved && (ifMatch is null || ifMatch(version))
            : ifMatch;
        DraftSender.SendOutcome outcome;
        try
        {
            outcome = await sender.SendAsync(ticketId, approval.Resolve, author, precondition, channel, cancellationToken);
        }
        catch (DraftPartUnavailableException ex)
        {
            return DraftProblems.CannotSend(ticketId, ex.Message).ProblemDetails;
        }
        return outcome switch
        {
            DraftSender.SendOutcome.Sent sent => new TicketService.Outcome<TicketMessageDto>(sent.Message.ToDto(), null),
            DraftSender.SendOutcome.TicketClosed => DraftProblems.TicketClosed(ticketId).ProblemDetails,
            DraftSender.SendOutcome.NoCurrentDraft => DraftProblems.NothingToSend(ticketId).ProblemDetails,
            DraftSender.SendOutcome.Stale stale => DraftProblems.Stale(ticketId, stale.CurrentVersion).ProblemDetails,
            DraftSender.SendOutcome.TransitionRefused refused => TicketProblems.TransitionRefused(ticketId, refused.From, refused.To).ProblemDetails,
            DraftSender.SendOutcome.Contended => TicketProblems.Contended(ticketId).ProblemDetails,
            _ => DraftProblems.NoTicket(ticketId).ProblemDetails,
        };
    }

    private async Task<IReadOnlyList<TicketMessageDto>> ThreadAsync(long ticketId, CancellationToken cancellationToken)
    {
        var newest = await db.Messages.Where(m => m.TicketId == ticketId).OrderByDescending(m => m.Id).Take(ThreadLimit).ToListAsync(cancellationToken);
        newest.Reverse();
        return newest.Select(m => m.ToDto()).ToList();
    }

    /// <summary>Why a writer's answer cannot be stored (the table's rules), or null when it can.</summary>
    private static string? Unusable(DraftContent? content) => content switch
    {
        null => "the writer gave no answer.",
        { Reply: null or { Length: 0 } } => "the writer gave an empty reply.",
        _ when !SolutionStatuses.All.Contains(content.SolutionStatus, StringComparer.Ordinal) =>
            $"the writer gave the solution status '{content.SolutionStatus}', which is neither {string.Join(" nor ", SolutionStatuses.All)}.",
        _ when string.IsNullOrEmpty(content.GeneratedBy) => "the writer did not say who wrote the draft.",
        _ => null,
    };

    private static TicketService.Outcome<DraftDto> Found(DraftEntity draft) => new(draft.ToDto(), null, draft.Version);

    private static string Link(long ticketId, int page, int pageSize) =>
        string.Create(CultureInfo.InvariantCulture, $"/api/tickets/{ticketId}/drafts/?page={page}&page_size={pageSize}");
}
