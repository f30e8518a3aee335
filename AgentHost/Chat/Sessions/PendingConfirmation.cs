namespace AgentHost.Chat.Sessions;

/// <summary>
/// A destructive action the assistant asked the person to confirm, kept as session state rather than read back
/// from the previous answer's text: ticket titles and descriptions end up in answers, so text could forge it.
/// It is set only when the person's own message asked for the action, and it is good for the next message only.
/// </summary>
/// <param name="Action">The tool the confirmation unlocks, e.g. <c>delete_ticket</c>.</param>
/// <param name="TicketId">The ticket the person named.</param>
/// <param name="AskedAt">When the question was asked; the confirmation expires after <see cref="ChatSessionOptions.ConfirmationTimeout"/>.</param>
public sealed record PendingConfirmation(string Action, long TicketId, DateTimeOffset AskedAt)
{
    /// <summary>Key under which the chat turn hands the pending confirmation to the model in <c>ChatOptions.AdditionalProperties</c>.</summary>
    public const string OptionsKey = "agenttickets.pending_confirmation";
}
