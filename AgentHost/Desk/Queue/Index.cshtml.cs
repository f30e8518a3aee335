using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TicketApi.Contracts;
using TicketApi.Events;
using TicketApi.Querying;
using TicketApi.Tickets;

namespace AgentHost.Desk.Queue;

/// <summary>
/// The agent queue (docs/desk.md, "Agent queue and ticket view"): the list's own query parameters in the address,
/// URGENT first then oldest first unless the address orders otherwise, counts per status under the other filters.
/// <c>?handler=rows</c> answers only the live part (counts, table, pager) for queue.js to swap in on a live event.
/// </summary>
public sealed class QueueModel(TicketService tickets, EventStore events, TimeProvider clock) : PageModel
{
    /// <summary>Most urgent first (priority is ordered by rank), then the longest waiting, then by id for a stable page.</summary>
    public static IReadOnlyList<OrderKey> QueueOrdering { get; } = [new("priority", true), new("created", false), new("id", false)];

    /// <summary>What the filter form sends, as the list's parameter names, so the address is the API's query too.</summary>
    public static IReadOnlyList<string> FormFields { get; } =
    [
        TicketQueryParameters.Keys.Status, TicketQueryParameters.Keys.Priority, TicketQueryParameters.Keys.Category,
        TicketQueryParameters.Keys.Sentiment, TicketQueryParameters.Keys.Assignee, TicketQueryParameters.Keys.Search,
    ];

    private const string HandlerField = "handler";

    public TicketQuery Query { get; private set; } = new() { Ordering = QueueOrdering };

    public TicketPage? Results { get; private set; }

    /// <summary>Tickets per status under every filter but the status ones, in lifecycle order.</summary>
    public IReadOnlyList<(TicketStatus Status, long Count)> Counts { get; private set; } = [];

    /// <summary>Each refused parameter and why, as the list API words it; the page then shows no tickets.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public DateTime Now { get; private set; }

    /// <summary>
    /// The newest live event when the page was read, read before the tickets: queue.js's stream resumes after it,
    /// so a change committed between this page and the stream's opening still reaches the page.
    /// </summary>
    public long LatestEventId { get; private set; }

    /// <summary>The live stream's address for this page (docs/accounts.md, "Live events").</summary>
    public string EventsUrl => $"/api/events?{EventEndpoints.LastEventIdQuery}={LatestEventId.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>The value the address gave a form field, for the form to show it again.</summary>
    public string Value(string name) => Request.Query[name].ToString();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        LatestEventId = await events.LatestIdAsync(cancellationToken);
        return await LoadAsync(() => Page(), cancellationToken);
    }

    public Task<IActionResult> OnGetRowsAsync(CancellationToken cancellationToken) => LoadAsync(() => Partial("_QueueLive", this), cancellationToken);

    /// <summary>The address with <paramref name="page"/> in place of the current page, for the pager's links.</summary>
    public string PageLink(int page) =>
        Link([TicketQueryParameters.Keys.Page], TicketQueryParameters.Keys.Page, page.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The address narrowed to one status, keeping the other filters, for the counts' links.</summary>
    public string StatusLink(TicketStatus status) =>
        Link([TicketQueryParameters.Keys.Page, TicketQueryParameters.Keys.Status, TicketQueryParameters.Keys.StatusIn],
            TicketQueryParameters.Keys.Status, TicketStatuses.ToWire(status));

    /// <summary>"5 min", "3 h", "2 d": how long the ticket has waited since it was filed.</summary>
    public string Age(DateTime created)
    {
        var waited = Now - created;
        return waited.TotalMinutes < 1 ? "just now"
            : waited.TotalHours < 1 ? $"{(int)waited.TotalMinutes} min"
            : waited.TotalDays < 1 ? $"{(int)waited.TotalHours} h"
            : $"{(int)waited.TotalDays} d";
    }

    /// <summary>This queue's address without <paramref name="dropped"/> (and the handler), with <paramref name="name"/>=<paramref name="value"/> added.</summary>
    private string Link(string[] dropped, string name, string value)
    {
        var pairs = Request.Query.Where(p => p.Key != HandlerField && !dropped.Contains(p.Key, StringComparer.Ordinal))
            .Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value.ToString()))
            .Append(Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(value));
        return "/queue?" + string.Join('&', pairs);
    }

    private async Task<IActionResult> LoadAsync(Func<IActionResult> answer, CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        // The one parser of the list's parameters (TicketQueryParameters), so the queue accepts and refuses what the API does.
        var parsed = TicketQueryParser.Parse(new QueryCollection(Request.Query.Where(p => p.Key != HandlerField).ToDictionary(p => p.Key, p => p.Value)));
        if (parsed.Query is null)
        {
            Errors = parsed.Errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return answer();
        }
        Query = Request.Query.ContainsKey(TicketQueryParameters.Keys.Ordering) ? parsed.Query : parsed.Query with { Ordering = QueueOrdering };
        var listed = await tickets.ListAsync(Query, cancellationToken);
        if (listed.Problem is { } problem)
        {
            Errors = new Dictionary<string, string[]> { [TicketQueryParameters.Keys.Page] = [problem.Detail ?? problem.Title ?? "This page does not exist."] };
            Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
            return answer();
        }
        Results = listed.Value;
        var counts = new List<(TicketStatus, long)>();
        foreach (var status in TicketStatuses.All)
        {
            // The queue is staff-only, so no filter is refused here (a requester's sentiment filter would be).
            counts.Add((status, (await tickets.CountAsync(Query with { Status = status, StatusIn = null }, cancellationToken)).Value));
        }
        Counts = counts;
        return answer();
    }
}
