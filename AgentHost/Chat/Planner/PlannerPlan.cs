namespace AgentHost.Chat.Planner;

/// <summary>One tool call the planner decided on.</summary>
public sealed record PlannedCall(string Tool, IReadOnlyDictionary<string, object?> Arguments);

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
