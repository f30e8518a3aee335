using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TicketApi.Contracts;
using TicketApi.Tickets;

namespace AgentHost.Desk.Portal;

/// <summary>One of the requester's own tickets; someone else's is missing to them, as in the REST API.</summary>
public sealed class MyTicketModel(TicketService tickets) : PageModel
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
