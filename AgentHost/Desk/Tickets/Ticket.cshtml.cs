using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TicketApi.Contracts;
using TicketApi.Tickets;

namespace AgentHost.Desk.Tickets;

/// <summary>The agent's view of one ticket, with the draft panel (<c>Drafts/_DraftPanel.cshtml</c>).</summary>
public sealed class TicketModel(TicketService tickets) : PageModel
{
    public TicketDto Ticket { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var found = await tickets.GetAsync(id, cancellationToken);
        if (found.Value is null)
        {
            return NotFound();
        }
        Ticket = found.Value;
        return Page();
    }
}
