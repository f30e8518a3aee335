using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TicketApi.Accounts;
using TicketApi.Audit;
using TicketApi.Contracts;
using TicketApi.Events;
using TicketApi.Http;
using TicketApi.Tickets;

namespace AgentHost.Desk.Tickets;

/// <summary>
/// The agent's view of one ticket (docs/desk.md, "Agent queue and ticket view"), with the draft panel
/// (<c>Drafts/_DraftPanel.cshtml</c>). Everything is read here, as the signed-in person; every change is made by
/// ticket.js through the REST API, which then asks <c>?handler=view</c> for the ticket's part of the page again; it
/// asks the same when /api/events says someone else changed the ticket, so the page stays live without a reload.
/// </summary>
public sealed class TicketModel(TicketService tickets, AuditStore audit, EventStore events, UserManager<IdentityUser> users) : PageModel
{
    /// <summary>The most the page shows of a thread or a history; the REST API pages through the rest.</summary>
    public const int MaxShown = 100;

    public TicketDto Ticket { get; private set; } = null!;

    /// <summary>The version the page shows, as the ETag the API sent, for ticket.js's <c>If-Match</c>.</summary>
    public string ETag { get; private set; } = "";

    /// <summary>
    /// The newest live event when the page was read, read before the ticket: ticket.js's stream resumes after it, so a
    /// change committed between this page and the stream's opening still reaches the page (as on the queue).
    /// </summary>
    public long LatestEventId { get; private set; }

    /// <summary>The live stream's address for this page (docs/accounts.md, "Live events").</summary>
    public string EventsUrl => $"/api/events?{EventEndpoints.LastEventIdQuery}={LatestEventId.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    public IReadOnlyList<TicketMessageDto> Messages { get; private set; } = [];

    public long MessageCount { get; private set; }

    public IReadOnlyList<AuditEntryDto> History { get; private set; } = [];

    public long HistoryCount { get; private set; }

    /// <summary>The statuses the lifecycle allows from the current one (TicketStatuses, the API's own rule).</summary>
    public IReadOnlyList<TicketStatus> Transitions { get; private set; } = [];

    /// <summary>The agents and admins a ticket can be given to, by name.</summary>
    public IReadOnlyList<(string Id, string Name)> Agents { get; private set; } = [];

    /// <summary>The button's words for a move to <paramref name="target"/>.</summary>
    public static string TransitionLabel(TicketStatus target) => target switch
    {
        TicketStatus.Open => "Reopen",
        TicketStatus.Resolved => "Resolve",
        TicketStatus.Closed => "Close",
        _ => TicketStatuses.ToWire(target),
    };

    /// <summary>How a message kind is named on the page: in words, so the kinds differ by more than colour.</summary>
    public static string KindLabel(string kind) => kind switch
    {
        TicketMessageKinds.Customer => "Customer message",
        TicketMessageKinds.Reply => "Public reply",
        TicketMessageKinds.Note => "Internal note",
        _ => kind,
    };

    /// <summary>A history value as shown: "none" when absent, and the start of a long one (a description can run to 20,000 characters).</summary>
    public static string HistoryValue(string? value) => value switch
    {
        null => "none",
        { Length: > MaxHistoryValue } => string.Concat(value.AsSpan(0, MaxHistoryValue), "…"),
        _ => value,
    };

    private const int MaxHistoryValue = 120;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        LatestEventId = await events.LatestIdAsync(cancellationToken);
        return await LoadAsync(id, () => Page(), cancellationToken);
    }

    public Task<IActionResult> OnGetViewAsync(long id, CancellationToken cancellationToken) => LoadAsync(id, () => Partial("_TicketView", this), cancellationToken);

    private async Task<IActionResult> LoadAsync(long id, Func<IActionResult> answer, CancellationToken cancellationToken)
    {
        var found = await tickets.GetAsync(id, cancellationToken);
        if (found.Value is null)
        {
            return NotFound();
        }
        Ticket = found.Value;
        ETag = found.Version is { } version ? ETags.For(version) : "";
        Transitions = TicketStatuses.AllowedTargets(Ticket.ResolutionStatus);

        var thread = await tickets.ListMessagesAsync(id, 1, MaxShown, cancellationToken);
        if (thread.Value is { } messages)
        {
            Messages = messages.Results;
            MessageCount = messages.Count;
        }
        var (historyCount, entries) = await audit.HistoryAsync(id, 1, MaxShown, cancellationToken);
        History = entries.Select(e => e.ToDto()).ToList();
        HistoryCount = historyCount;
        Agents = await AgentsAsync();
        return answer();
    }

    private async Task<IReadOnlyList<(string Id, string Name)>> AgentsAsync()
    {
        var staff = new List<IdentityUser>();
        foreach (var role in new[] { ActorRole.Agent, ActorRole.Admin })
        {
            staff.AddRange(await users.GetUsersInRoleAsync(Actor.RoleName(role)));
        }
        return staff.DistinctBy(u => u.Id).Select(u => (u.Id, u.UserName ?? u.Email ?? u.Id)).OrderBy(a => a.Item2, StringComparer.OrdinalIgnoreCase).ToList();
    }
}
