using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TicketApi.Contracts;
using TicketApi.Querying;
using TicketApi.Tickets;

namespace AgentHost.Desk.Portal;

/// <summary>
/// The person's own tickets, newest first (docs/desk.md, "Requester portal"). The service's visibility rule
/// narrows a requester's list to what they own, so nothing here filters by person itself.
/// </summary>
public sealed class MyTicketsModel(TicketService tickets) : PageModel
{
    public const int PageSize = 20;

    public IReadOnlyList<TicketDto> Tickets { get; private set; } = [];

    public long Count { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public bool HasPrevious => PageNumber > 1;

    public bool HasNext => (long)PageNumber * PageSize < Count;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken cancellationToken)
    {
        // A page number from a hand-edited link: anything unusable is the first page, past the last is a 404 as in the API.
        PageNumber = page is > 0 ? page.Value : 1;
        var listed = await tickets.ListAsync(new TicketQuery { Page = PageNumber, PageSize = PageSize }, cancellationToken);
        if (listed.Value is not { } found)
        {
            return NotFound();
        }
        Tickets = found.Results;
        Count = found.Count;
        return Page();
    }
}
