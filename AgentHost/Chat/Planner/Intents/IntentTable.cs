namespace AgentHost.Chat.Planner.Intents;

/// <summary>
/// The table of intents. Each rule recognises one kind of request by its own words and is tested on its own
/// (tests/AgentHost.Tests/Planner/Intents). Clause rules are tried in this order only where two could claim the same
/// clause: dictated text (a note, a reply) first because it may contain any word; edits of fields before status
/// changes ("set 18 to high priority" is not a status); a count before a look-up ("ticket counts per status");
/// a look-up by id before a list. The draft rules come first of all: "draft a reply to 12 that apologises" is a draft,
/// not a dictated reply, "make it more formal" is not a field edit, "is 12 solved or does it need follow-up?" not a look-up.
/// </summary>
public static class IntentTable
{
    /// <summary>About the whole message, before it is split into clauses.</summary>
    public static IReadOnlyList<IMessageRule> Opening { get; } =
        [new SelfServiceAnswerRule(), new ConfirmationRule(), new RequesterLimitsRule(), new OwnTicketsRule(), new SmallTalkRule(), new SendDraftRule(), new CreateTicketRule()];

    /// <summary>About one clause of a request.</summary>
    public static IReadOnlyList<IIntentRule> Clauses { get; } =
    [
        new DraftReplyRule(),
        new DraftRefineRule(),
        new DraftQuestionRule(),
        new AddMessageRule(),
        new ListMessagesRule(),
        // Before the list: "show my queue" is this person's queue, not every ticket.
        new AssignRule(),
        new TriageRule(),
        new DeleteRule(),
        new FieldUpdateRule(),
        new StatusChangeRule(),
        new CountRule(),
        new ShowTicketRule(),
        new ListRule(),
    ];

    /// <summary>When no clause rule understood the message: an answer to a question the planner asked, or a problem to file.</summary>
    public static IReadOnlyList<IMessageRule> Closing { get; } = [new FollowUpAnswerRule(), new ProblemReportRule()];
}
