namespace AgentHost.Chat.Planner;

/// <summary>One tool call the planner decided on.</summary>
public sealed record PlannedCall(string Tool, IReadOnlyDictionary<string, object?> Arguments);

/// <summary>What a user message asks for, as the offline planner understands it.</summary>
public enum PlanKind
{
    /// <summary>Run <see cref="PlannerPlan.Calls"/>, then phrase their results.</summary>
    Calls,

    /// <summary>Answer with <see cref="PlannerPlan.Reply"/>; no tool needed.</summary>
    Reply,

    /// <summary>Deleting was asked for: look the ticket up, then ask for confirmation. Nothing is deleted yet.</summary>
    DeleteRequest,

    /// <summary>"yes": meaningful only right after a delete confirmation question.</summary>
    Confirm,

    /// <summary>"no": drops a pending delete confirmation.</summary>
    Deny,
}

public sealed record PlannerPlan(PlanKind Kind, IReadOnlyList<PlannedCall> Calls, string? Reply = null, long? TicketId = null)
{
    public static PlannerPlan Call(string tool, IReadOnlyDictionary<string, object?> arguments) =>
        new(PlanKind.Calls, [new PlannedCall(tool, arguments)]);

    public static PlannerPlan Answer(string reply) => new(PlanKind.Reply, [], reply);
}
