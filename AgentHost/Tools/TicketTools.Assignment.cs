using Kind = TicketApi.Querying.TicketQueryParameters.ValueKind;

namespace AgentHost.Tools;

/// <summary>
/// assign_ticket (docs/tools.md; docs/accounts.md, "Assignment"): staff only, refused at call time for anyone else.
/// "What's assigned to me" needs no tool of its own: list_tickets takes <c>assignee=me</c>.
/// </summary>
public sealed partial class TicketTools
{
    /// <summary>The assignee argument that unassigns: a tool argument has no null worth a model's spelling.</summary>
    public const string Nobody = "none";

    public TicketToolFunction AssignTicket() => new(TicketToolCatalogue.AssignTicket,
        "Assign a ticket to an agent or admin, or unassign it. Only agents and admins may assign. The assignee is 'me' (the person you are acting for), a person's email address or id, or 'none' to unassign. To see someone's queue use list_tickets with assignee.",
        [
            Id,
            new("assignee", Kind.Text, "'me', an agent's or admin's email address or id, or 'none' to unassign.", Required: true),
        ],
        AssignAsync);

    private async Task<TicketToolResult> AssignAsync(ToolArguments arguments, CancellationToken cancellationToken)
    {
        var requested = arguments.Text("assignee")!.Trim();
        var unassign = requested.Equals(Nobody, StringComparison.OrdinalIgnoreCase);
        var result = await tickets.AssignAsync(arguments.Id(), unassign ? null : requested, cancellationToken);
        if (result.Value is not { } ticket)
        {
            return TicketToolResult.Failure(result.Problem!);
        }
        return TicketToolResult.Success(ticket.Assignee is { } person
            ? $"Ticket #{ticket.Id} '{ticket.Title}' is assigned to {person.Name}."
            : $"Ticket #{ticket.Id} '{ticket.Title}' is unassigned.", ticket);
    }
}
