using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TicketApi.Accounts;
using TicketApi.Contracts;
using TicketApi.Querying;
using TicketApi.Tickets;

namespace AgentHost.Desk.Portal;

/// <summary>
/// One of the requester's own tickets with its public thread (docs/desk.md, "Requester portal"); someone else's is
/// missing to them, as in the REST API. Adding a message and rating go through the REST API from portal.js.
/// </summary>
public sealed class MyTicketModel(TicketService tickets) : PageModel
{
    /// <summary>The thread's page size: the API's largest, so almost every thread is one page.</summary>
    public const int ThreadPageSize = TicketQuery.MaxPageSize;

    public TicketDto Ticket { get; private set; } = null!;

    /// <summary>Customer messages and replies, oldest first; never a note, whoever looks (this is the public view).</summary>
    public IReadOnlyList<TicketMessageDto> Thread { get; private set; } = [];

    public int ThreadPage { get; private set; } = 1;

    public long ThreadCount { get; private set; }

    /// <summary>
    /// The rating form is offered only to whom the API lets rate: a requester (staff get a 403 there) of a ticket
    /// that is resolved or closed and not yet rated (docs/accounts.md, "Satisfaction").
    /// </summary>
    public bool OffersRating =>
        Ticket.Rating is null
        && Ticket.ResolutionStatus is TicketStatus.Resolved or TicketStatus.Closed
        && !ActingContext.Actor.IsStaff;

    public async Task<IActionResult> OnGetAsync(long id, [FromQuery(Name = "page")] int? page, CancellationToken cancellationToken)
    {
        var found = await tickets.GetAsync(id, cancellationToken);
        if (found.Value is null)
        {
            return NotFound();
        }
        Ticket = found.Value;
        ThreadPage = page is > 0 ? page.Value : 1;
        var thread = await tickets.ListMessagesAsync(id, ThreadPage, ThreadPageSize, cancellationToken);
        if (thread.Value is not { } messages)
        {
            return NotFound();
        }
        // The service already hides notes from requesters; the portal is the public view for staff too.
        Thread = [.. messages.Results.Where(m => m.Kind is TicketMessageKinds.Customer or TicketMessageKinds.Reply)];
        ThreadCount = messages.Count;
        return Page();
    }

    public bool HasEarlierMessages => ThreadPage > 1;

    public bool HasLaterMessages => (long)ThreadPage * ThreadPageSize < ThreadCount;
}
