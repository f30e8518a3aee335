namespace AgentHost.Chat.Planner.State;

/// <summary>A ticket the planner filed from a person's own words, still collecting the facts it asked for.</summary>
/// <param name="TicketId">The ticket filed.</param>
/// <param name="Description">What the person said, as filed (the facts asked for follow from it).</param>
public sealed record FiledProblem(long TicketId, string Description);

/// <summary>
/// What earlier turns of this session mean for the next message, derived only from structured state: the pending
/// confirmation the turn runner hands over, and the tool calls and results the planner itself made (never the text
/// of earlier answers, which ticket titles can forge).
/// </summary>
/// <param name="Focus">The one ticket "it" means: the last one shown, filed or changed alone.</param>
/// <param name="Listed">The ids of the last list, in the order shown ("the first one", "all of them").</param>
/// <param name="Collecting">A filed problem whose follow-up answers go to its ticket.</param>
/// <param name="PendingDelete">The ticket whose deletion the previous answer asked to confirm.</param>
/// <param name="Now">The clock, for relative dates.</param>
public sealed record ConversationState(long? Focus, IReadOnlyList<long> Listed, FiledProblem? Collecting, long? PendingDelete, DateTimeOffset Now)
{
    public static ConversationState Empty(DateTimeOffset now) => new(null, [], null, null, now);
}
