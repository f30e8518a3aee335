namespace AgentHost.Chat.Planner.State;

/// <summary>A ticket the planner filed from a person's own words, still collecting the facts it asked for.</summary>
/// <param name="TicketId">The ticket filed.</param>
/// <param name="Description">What the person said, as filed (the facts asked for follow from it).</param>
public sealed record FiledProblem(long TicketId, string Description);

/// <summary>A knowledge-base article whose first steps the planner offered for a problem it just filed.</summary>
/// <param name="TicketId">The ticket filed.</param>
/// <param name="ArticleId">The article offered.</param>
/// <param name="ArticleTitle">Its title, for the self-service note.</param>
/// <param name="Steps">The steps offered (customer-safe text only), for the note when they did not help.</param>
public sealed record OfferedFix(long TicketId, long ArticleId, string ArticleTitle, IReadOnlyList<string> Steps);

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
    /// <summary>The ticket of the latest draft made or read in this session ("make it more formal" refines it).</summary>
    public long? Drafted { get; init; }

    /// <summary>Self-service steps the previous answer offered, asking "Did that fix it?" (answers the next message only).</summary>
    public OfferedFix? Offered { get; init; }

    /// <summary>The person is a requester (docs/accounts.md, "Roles"): their own tickets only, and no staff actions.</summary>
    public bool ForRequester { get; init; }

    public static ConversationState Empty(DateTimeOffset now) => new(null, [], null, null, now);
}
