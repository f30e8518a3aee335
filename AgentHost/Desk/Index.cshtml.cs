using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TicketApi.Accounts;

namespace AgentHost.Desk;

/// <summary><c>/</c>: staff land on the queue, requesters on their help page.</summary>
public sealed class IndexModel : PageModel
{
    public RedirectResult OnGet() => Redirect(DeskNavigation.HomeFor(ActingContext.Actor));
}
