namespace AgentHost.Chat.Planner;

/// <summary>One tool call the planner decided on.</summary>
/// <param name="Optional">Left out, rather than reported as unavailable, when the tool is not offered (the knowledge-base
/// search behind a filed problem: filing must not depend on it).</param>
public sealed record PlannedCall(string Tool, IReadOnlyDictionary<string, object?> Arguments, bool Optional = false);

/// <summary>What a user message asks for, as the offline planner understands it.</summary>
public enum PlanKind
{
    /// <summary>Run <see cref="PlannerPlan.Calls"/>, then phrase their results (and ask to confirm a delete, if one was asked for).</summary>
    Calls,

    /// <summary>Answer with <see cref="PlannerPlan.Reply"/>; no tool needed (help, a question back, what it cannot do).</summary>
    Reply,

    /// <summary>"yes": meaningful only right after a delete confirmation question.</summary>
    Confirm,

    /// <summary>"no": drops a pending delete confirmation.</summary>
    Deny,
}

/// <summary>How the results of the calls are put into words.</summary>
public enum AnswerStyle
{
    /// <summary>Each tool's own summary.</summary>
    Summaries,

    /// <summary>A problem report was filed: number, category, priority, and the facts still missing.</summary>
    FiledProblem,

    /// <summary>A follow-up answer went onto the filed ticket.</summary>
    AddedAnswer,

    /// <summary>"who reported 12?": the requester.</summary>
    Requester,

    /// <summary>"draft a reply to 12", "make it more formal": the drafted reply, and that a person must approve it.</summary>
    Draft,

    /// <summary>"what should the technician do on 12?": the current draft's tech instructions (a draft is made when none exists).</summary>
    TechInstructions,

    /// <summary>"is 12 solved or does it need follow-up?": the current draft's solution status and questions.</summary>
    SolutionStatus,

    /// <summary>"that fixed it" after a self-service offer: the ticket resolved, then the self-service note added.</summary>
    SelfServiceFixed,

    /// <summary>"no, still broken" after a self-service offer: what was tried added as a note for the agent.</summary>
    SelfServiceNotFixed,

    /// <summary>A requester's "what's the status of my tickets?": their own tickets, or that they have none.</summary>
    OwnTickets,

    /// <summary>A requester's "list everyone's tickets": that they see their own only, then those.</summary>
    OwnTicketsOnly,
}

/// <summary>
/// The planner's decision for one message. <see cref="DeleteId"/>: a delete was asked for; the calls include a look-up
/// of that ticket, and the answer asks to confirm (nothing is deleted in this turn).
/// </summary>
public sealed record PlannerPlan(PlanKind Kind, IReadOnlyList<PlannedCall> Calls, string? Reply = null, long? DeleteId = null,
    AnswerStyle Style = AnswerStyle.Summaries)
{
    public static PlannerPlan Run(IReadOnlyList<PlannedCall> calls, AnswerStyle style = AnswerStyle.Summaries, long? deleteId = null) =>
        new(PlanKind.Calls, calls, null, deleteId, style);

    public static PlannerPlan Answer(string reply) => new(PlanKind.Reply, [], reply);
}
