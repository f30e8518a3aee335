using AgentHost.Tickets;
using TicketApi.Contracts;
using TicketApi.Querying;
using TicketApi.Tickets;
using TicketApi.Triage;
using Kind = TicketApi.Querying.TicketQueryParameters.ValueKind;

namespace AgentHost.Tools;

/// <summary>
/// The ticket tools (the thread's are in <see cref="TicketThreadTools"/>), written once over the <see cref="ITicketService"/> seam. Each is a
/// <see cref="TicketToolFunction"/>: its description and parameters are what a model (or an MCP client) reads,
/// so they say when to use a tool and what the rules are. list_tickets and count_tickets take their filters
/// from <see cref="TicketQueryParameters"/> and build their query with the REST parser, so both take every
/// filter and refuse a bad value in the REST service's words. See docs/tools.md.
/// </summary>
public sealed class TicketTools(ITicketService tickets)
{
    private static readonly ToolParameter Id = new("id", Kind.WholeNumber, "The ticket id.", Required: true);

    /// <summary>The update_ticket arguments that change something, in the order a summary names them.</summary>
    private static readonly string[] UpdatableFields = ["title", "description", "priority", "category", "requester_name", "requester_email"];

    /// <summary>The stage-2 writable fields create_ticket and update_ticket share (docs/tools.md).</summary>
    private static ToolParameter[] WritableFields(string whenOmitted) =>
    [
        new("priority", Kind.Label, $"Impact and urgency: LOW (questions, no rush), NORMAL (degraded, has a workaround), HIGH (one person blocked, money at stake), URGENT (outage or security incident hitting many). {whenOmitted}",
            Labels: TriageLabels.Priorities),
        new("category", Kind.Label, $"What the problem is about: ACCOUNT (sign-in, passwords, access), NETWORK, EMAIL, HARDWARE, SOFTWARE, BILLING or OTHER. {whenOmitted}",
            Labels: TriageLabels.Categories),
        new("requester_name", Kind.Text, "Name of the person who asked, up to 200 characters; \"\" clears it."),
        new("requester_email", Kind.Text, "Email address replies go to (name@example.com); \"\" clears it."),
    ];

    /// <summary>The ticket fields the arguments set (null: leave as it is).</summary>
    private static TicketChanges Changes(ToolArguments arguments) => new(
        arguments.Text("title"), arguments.Text("description"), null,
        arguments.Text("priority"), arguments.Text("category"), arguments.Text("requester_name"), arguments.Text("requester_email"));

    public TicketToolFunction ListTickets() => new(TicketToolCatalogue.ListTickets,
        "List tickets, newest first, with optional filters that combine with AND. With no arguments it lists the 20 newest tickets. Returns a compact list (id, title, status, timestamps), the total count and whether more pages exist.",
        [.. TicketQueryParameters.All.Select(ToolParameter.From)],
        ListAsync);

    public TicketToolFunction CountTickets() => new(TicketToolCatalogue.CountTickets,
        "Count tickets. With resolution_status, counts that status; without it, gives the total and the count per status. Takes every filter list_tickets takes.",
        [.. TicketQueryParameters.Filters.Select(ToolParameter.From)],
        CountAsync);

    public TicketToolFunction GetTicket() => new(TicketToolCatalogue.GetTicket,
        "Get one ticket: title, status, timestamps and description.",
        [Id],
        GetAsync);

    public TicketToolFunction CreateTicket() => new(TicketToolCatalogue.CreateTicket,
        "Create a ticket. New tickets are OPEN and triaged: priority and category not given are chosen from the text (the result says which), the ones given are kept as a person's choice. Search first (list_tickets with search) to avoid duplicates.",
        [
            new("title", Kind.Text, "Short summary, 1-255 characters.", Required: true),
            new("description", Kind.Text, "What happened, where and since when; up to 20,000 characters."),
            .. WritableFields("Omit to let triage choose it."),
        ],
        CreateAsync);

    public TicketToolFunction UpdateTicket() => new(TicketToolCatalogue.UpdateTicket,
        "Change a ticket's title, description, priority, category or requester. Fields left out stay as they are; a priority or category set here is kept as a person's choice (triage no longer changes it). To change the status use set_ticket_status.",
        [
            Id,
            new("title", Kind.Text, "New title, 1-255 characters; omit to keep the current one."),
            new("description", Kind.Text, "New description; omit to keep the current one."),
            .. WritableFields("Omit to keep the current one."),
        ],
        UpdateAsync);

    public TicketToolFunction TriageTicket() => new(TicketToolCatalogue.TriageTicket,
        "Triage a ticket again now from its current title and description: category, priority and sentiment are chosen afresh, except a priority or category a person set, which is kept. Use after the description changed a lot.",
        [Id],
        TriageAsync);

    public TicketToolFunction SetTicketStatus() => new(TicketToolCatalogue.SetTicketStatus,
        "Move a ticket through its lifecycle: resolve (RESOLVED), close (CLOSED) or reopen (OPEN). Allowed: OPEN -> RESOLVED, RESOLVED -> OPEN, RESOLVED -> CLOSED; CLOSED is final. Setting the current status again changes nothing.",
        [Id, new("status", Kind.Status, "The new status: RESOLVED to resolve, CLOSED to close, OPEN to reopen.", Required: true)],
        SetStatusAsync);

    public TicketToolFunction DeleteTicket() => new(TicketToolCatalogue.DeleteTicket,
        "Delete a ticket for good. Only after the user has explicitly confirmed. confirm_title must equal the ticket's current title exactly (get_ticket shows it); otherwise nothing is deleted.",
        [Id, new("confirm_title", Kind.Text, "The ticket's current title, exactly, as confirmation.", Required: true)],
        DeleteAsync);

    private async Task<TicketToolResult> ListAsync(ToolArguments arguments, CancellationToken cancellationToken)
    {
        if (!TicketToolQuery.TryBuild(arguments, out var query, out var error))
        {
            return TicketToolResult.InvalidArguments(error);
        }

        var result = await tickets.ListAsync(query, cancellationToken);
        if (result.Value is not { } page)
        {
            return TicketToolResult.Failure(result.Problem!);
        }

        var data = new TicketListData(page.Count, query.Page, page.Next is not null, page.Results.Select(TicketBrief.From).ToList());
        return TicketToolResult.Success(TicketSummaries.List(data, query.PageSize), data);
    }

    private async Task<TicketToolResult> CountAsync(ToolArguments arguments, CancellationToken cancellationToken)
    {
        if (!TicketToolQuery.TryBuild(arguments, out var query, out var error))
        {
            return TicketToolResult.InvalidArguments(error);
        }

        if (query.Status is { } status)
        {
            var one = await tickets.CountAsync(query, cancellationToken);
            return one.IsSuccess
                ? TicketToolResult.Success(TicketSummaries.Count(one.Value, status, arguments), new TicketCountData(one.Value))
                : TicketToolResult.Failure(one.Problem!);
        }

        // Per status: each count is the filters AND that status, so a resolution_status__in narrows the breakdown.
        var byStatus = new Dictionary<string, long>();
        foreach (var each in query.StatusIn ?? TicketStatuses.All)
        {
            var counted = await tickets.CountAsync(query with { Status = each }, cancellationToken);
            if (!counted.IsSuccess)
            {
                return TicketToolResult.Failure(counted.Problem!);
            }

            byStatus[TicketStatuses.ToWire(each)] = counted.Value;
        }

        var total = byStatus.Values.Sum();
        return TicketToolResult.Success(TicketSummaries.Breakdown(total, byStatus, arguments), new TicketCountData(total, byStatus));
    }

    private async Task<TicketToolResult> GetAsync(ToolArguments arguments, CancellationToken cancellationToken)
    {
        var result = await tickets.GetAsync(arguments.Id(), cancellationToken);
        return result.Value is { } ticket
            ? TicketToolResult.Success(TicketSummaries.Detail(ticket), ticket)
            : TicketToolResult.Failure(result.Problem!);
    }

    private async Task<TicketToolResult> CreateAsync(ToolArguments arguments, CancellationToken cancellationToken)
    {
        var result = await tickets.CreateAsync(Changes(arguments), cancellationToken);
        return result.Value is { } ticket
            ? TicketToolResult.Success(TicketSummaries.Created(ticket), ticket)
            : TicketToolResult.Failure(result.Problem!);
    }

    private async Task<TicketToolResult> UpdateAsync(ToolArguments arguments, CancellationToken cancellationToken)
    {
        var id = arguments.Id();
        var changed = UpdatableFields.Where(arguments.Values.ContainsKey).ToList();
        if (changed.Count == 0)
        {
            return TicketToolResult.InvalidArguments(
                $"Nothing to change on ticket #{id}: give at least one of {string.Join(", ", UpdatableFields)}.");
        }

        var result = await tickets.UpdateAsync(id, Changes(arguments), cancellationToken);
        return result.Value is { } ticket
            ? TicketToolResult.Success(TicketSummaries.Updated(ticket, changed), ticket)
            : TicketToolResult.Failure(result.Problem!);
    }

    private async Task<TicketToolResult> TriageAsync(ToolArguments arguments, CancellationToken cancellationToken)
    {
        var result = await tickets.TriageAsync(arguments.Id(), cancellationToken);
        return result.Value is { } ticket
            ? TicketToolResult.Success(TicketSummaries.Triaged(ticket), ticket)
            : TicketToolResult.Failure(result.Problem!);
    }

    private async Task<TicketToolResult> SetStatusAsync(ToolArguments arguments, CancellationToken cancellationToken)
    {
        var result = await tickets.SetStatusAsync(arguments.Id(), arguments.Status("status")!.Value, cancellationToken);
        return result.Value is { } ticket
            ? TicketToolResult.Success($"Ticket #{ticket.Id} '{ticket.Title}' is now {TicketStatuses.ToWire(ticket.ResolutionStatus)}.", ticket)
            : TicketToolResult.Failure(result.Problem!);
    }

    private async Task<TicketToolResult> DeleteAsync(ToolArguments arguments, CancellationToken cancellationToken)
    {
        var (id, confirmTitle) = (arguments.Id(), arguments.Text("confirm_title")!);
        var current = await tickets.GetAsync(id, cancellationToken);
        if (current.Value is not { } ticket)
        {
            return TicketToolResult.Failure(current.Problem!);
        }

        if (!string.Equals(confirmTitle.Trim(), ticket.Title.Trim(), StringComparison.Ordinal))
        {
            return TicketToolResult.Failure(
                $"Not deleted: confirm_title '{confirmTitle}' does not equal the current title of ticket #{id}, '{ticket.Title}'. Confirm with the exact title.");
        }

        // If-Match: if the ticket changed since the title was checked, the service refuses (412).
        var deleted = await tickets.DeleteAsync(id, current.ETag, cancellationToken);
        return deleted.IsSuccess
            ? TicketToolResult.Success($"Deleted ticket #{id} '{ticket.Title}'.", new TicketDeletedData(id, true))
            : TicketToolResult.Failure(deleted.Problem!);
    }
}
