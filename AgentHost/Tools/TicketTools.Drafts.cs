using System.Globalization;
using System.Text.Json.Serialization;
using TicketApi.Drafts;
using Kind = TicketApi.Querying.TicketQueryParameters.ValueKind;

namespace AgentHost.Tools;

/// <summary>
/// The draft tools (docs/tools.md, "Drafts"): draft_reply and get_draft on both faces, send_draft on MCP only.
/// Drafting sends nothing; the chat's model has no tool that sends, so a reply reaches a requester only when a
/// person approves it (an MCP client asks its user before send_draft, which is marked open-world for that).
/// </summary>
public sealed partial class TicketTools
{
    public TicketToolFunction DraftReply() => new(TicketToolCatalogue.DraftReply,
        "Draft a reply to a ticket's requester from the knowledge base and the ticket's thread, or refine the current draft with an instruction ('make it more concise', 'more formal', 'add more detail about the VPN client'). Nothing is sent: the draft waits for a person's approval. Returns the reply, staff-only tech instructions, whether it should solve the problem, follow-up questions and sources.",
        [
            Id,
            new("instruction", Kind.Text, "How to change the current draft, up to 500 characters. Leave it out for a fresh draft."),
        ],
        DraftReplyAsync);

    public TicketToolFunction GetDraft() => new(TicketToolCatalogue.GetDraft,
        "Get a ticket's current draft reply (not yet sent): the reply, staff-only tech instructions, solution status, follow-up questions, sources and version. A ticket without one answers that there is no current draft.",
        [Id],
        GetDraftAsync);

    public TicketToolFunction SendDraft() => new(TicketToolCatalogue.SendDraft,
        "Approve and send a ticket's current draft: the reply is added to the thread and emailed to the requester. Only when the user has read the draft and asked for it to be sent. resolve true also marks the ticket RESOLVED.",
        [
            Id,
            new("resolve", Kind.YesNo, "Also move the ticket to RESOLVED (when the reply should solve it). Default false."),
        ],
        SendDraftAsync);

    private async Task<TicketToolResult> DraftReplyAsync(ToolArguments arguments, CancellationToken cancellationToken)
    {
        var result = await tickets.DraftReplyAsync(arguments.Id(), arguments.Text("instruction"), cancellationToken);
        if (result.Value is not { } draft)
        {
            return TicketToolResult.Failure(result.Problem!);
        }
        var what = draft.Instruction is null ? "Drafted a reply" : $"Refined the draft ('{draft.Instruction}')";
        var remark = draft.Remark is null ? "" : $" Not everything could be applied: {draft.Remark}";
        return TicketToolResult.Success(
            $"{what} for ticket #{draft.TicketId}: version {draft.Version}, {Describe(draft)}.{remark} Nothing was sent; it waits for a person's approval.",
            DraftView.From(draft));
    }

    private async Task<TicketToolResult> GetDraftAsync(ToolArguments arguments, CancellationToken cancellationToken)
    {
        var result = await tickets.GetDraftAsync(arguments.Id(), cancellationToken);
        if (result.Value is not { } draft)
        {
            return TicketToolResult.Failure(result.Problem!);
        }
        return TicketToolResult.Success(
            $"Ticket #{draft.TicketId} has a draft reply (version {draft.Version}{(draft.Edited ? ", edited by a person" : "")}), {Describe(draft)}; not sent yet.",
            DraftView.From(draft));
    }

    private async Task<TicketToolResult> SendDraftAsync(ToolArguments arguments, CancellationToken cancellationToken)
    {
        var id = arguments.Id();
        var resolve = arguments.Values.TryGetValue("resolve", out var value) && (bool)value;
        var result = await tickets.SendDraftAsync(id, resolve, cancellationToken);
        if (result.Value is not { } message)
        {
            return TicketToolResult.Failure(result.Problem!);
        }
        return TicketToolResult.Success(
            string.Create(CultureInfo.InvariantCulture,
                $"Sent the draft of ticket #{id}: it is reply message #{message.Id} in the thread and queued for the requester{(resolve ? "; the ticket is RESOLVED" : "")}."),
            new SentDraft(id, message.Id, resolve));
    }

    private static string Describe(DraftDto draft) => draft.SolutionStatus == SolutionStatuses.Final
        ? "meant to solve the problem"
        : $"asking the requester {draft.FollowUpQuestions.Count} follow-up question{(draft.FollowUpQuestions.Count == 1 ? "" : "s")}";
}

/// <summary>
/// A draft as the tools show it. The tech instructions are named for who may read them, so neither a model nor
/// a person mistakes them for something to send.
/// </summary>
public sealed record DraftView(
    long TicketId,
    long Version,
    string Status,
    string Reply,
    [property: JsonPropertyName("tech_instructions_staff_only")] string TechInstructionsStaffOnly,
    string SolutionStatus,
    IReadOnlyList<string> FollowUpQuestions,
    IReadOnlyList<DraftSource> Sources,
    string? Instruction,
    string GeneratedBy,
    bool Edited,
    string? Remark)
{
    public static DraftView From(DraftDto draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return new(draft.TicketId, draft.Version, draft.Status, draft.Reply, draft.TechInstructions, draft.SolutionStatus,
            draft.FollowUpQuestions, draft.Sources, draft.Instruction, draft.GeneratedBy, draft.Edited, draft.Remark);
    }
}

/// <summary>The data of a <c>send_draft</c> result.</summary>
public sealed record SentDraft(long TicketId, long MessageId, bool Resolved);
