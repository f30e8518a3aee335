using Microsoft.Extensions.AI;

namespace AgentHost.Chat;

/// <summary>
/// Emitted by a chat client (the offline planner) next to its question "Reply yes to delete ticket #N": asks the
/// turn runner to remember, as structured session state, that this action awaits the person's confirmation.
/// Like <see cref="ToolCallReport"/> it is for the runner only and never enters the conversation history.
/// </summary>
public sealed class ConfirmationRequest(string action, long ticketId) : AIContent
{
    public string Action { get; } = action;

    public long TicketId { get; } = ticketId;
}
