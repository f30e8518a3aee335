using System.ComponentModel;
using System.Globalization;
using AgentHost.Tickets;
using TicketApi.Contracts;

namespace AgentHost.Tools;

/// <summary>
/// The seven ticket tools, written once. <see cref="TicketToolCatalogue"/> turns each method into an
/// <c>AIFunction</c>; the descriptions below are what a model (or an MCP client) reads, so they say when to
/// use a tool and what the rules are. Parameter names are the REST field and filter names on purpose.
/// </summary>
public sealed class TicketTools(TicketApiClient client)
{
    private const int DefaultPageSize = 20;

    [Description("List tickets, newest first, with optional filters that combine with AND. With no arguments it lists the 20 newest tickets. Returns a compact list (id, title, status, timestamps), the total count and whether more pages exist.")]
    public async Task<TicketToolResult> ListTicketsAsync(
        [Description("Only tickets in this status.")] TicketStatus? resolution_status = null,
        [Description("Only tickets in any of these statuses.")] TicketStatus[]? resolution_status__in = null,
        [Description("Words to find in title or description (all words must match).")] string? search = null,
        [Description("Case-insensitive text the title must contain.")] string? title__icontains = null,
        [Description("Case-insensitive text the description must contain.")] string? description__icontains = null,
        [Description("Only the ticket with this id.")] long? id = null,
        [Description("Only tickets with these ids.")] long[]? id__in = null,
        [Description("Created at or after this moment: ISO-8601 date or date-time, UTC when no offset, e.g. 2025-01-01 or 2025-01-01T09:00:00Z.")] string? created__gte = null,
        [Description("Created at or before this moment (ISO-8601, UTC when no offset).")] string? created__lte = null,
        [Description("Last changed at or after this moment (ISO-8601, UTC when no offset).")] string? updated__gte = null,
        [Description("Last changed at or before this moment (ISO-8601, UTC when no offset).")] string? updated__lte = null,
        [Description("Sort fields, comma-separated, '-' for descending: created, updated, title, id, resolution_status. Default -created.")] string? ordering = null,
        [Description("Page number, starting at 1.")] int? page = null,
        [Description("Tickets per page, 1-100 (default 20).")] int? page_size = null,
        CancellationToken cancellationToken = default)
    {
        if (!TryBuildQuery(resolution_status, resolution_status__in, search, title__icontains, description__icontains,
                created__gte, created__lte, updated__gte, updated__lte, out var query, out var error))
        {
            return TicketToolResult.Failure(error);
        }

        query = query with { Id = id, IdIn = id__in, Ordering = ordering, Page = page, PageSize = page_size };
        var result = await client.ListAsync(query, cancellationToken);
        if (result.Value is not { } pageOfTickets)
        {
            return TicketToolResult.Failure(result.Problem!);
        }

        var briefs = pageOfTickets.Results.Select(TicketBrief.From).ToList();
        var data = new TicketListData(pageOfTickets.Count, page ?? 1, pageOfTickets.Next is not null, briefs);
        return TicketToolResult.Success(TicketSummaries.List(data, page_size ?? DefaultPageSize), data);
    }

    [Description("Get one ticket by id, with its full description and status.")]
    public async Task<TicketToolResult> GetTicketAsync(
        [Description("The ticket id.")] long id,
        CancellationToken cancellationToken = default)
    {
        var result = await client.GetAsync(id, cancellationToken);
        return result.Value is { } ticket
            ? TicketToolResult.Success(TicketSummaries.Detail(ticket), ticket)
            : TicketToolResult.Failure(result.Problem!);
    }

    [Description("Create a ticket. New tickets are OPEN. Search first (list_tickets with search) to avoid duplicates.")]
    public async Task<TicketToolResult> CreateTicketAsync(
        [Description("Short summary, 1-255 characters.")] string title,
        [Description("What happened, where and since when; up to 20,000 characters.")] string? description = null,
        CancellationToken cancellationToken = default)
    {
        var result = await client.CreateAsync(title ?? "", description ?? "", cancellationToken);
        return result.Value is { } ticket
            ? TicketToolResult.Success($"Created ticket #{ticket.Id} '{ticket.Title}' ({TicketStatusNames.ToWire(ticket.ResolutionStatus)}).", ticket)
            : TicketToolResult.Failure(result.Problem!);
    }

    [Description("Change the title and/or description of a ticket. Fields left out stay as they are. To change the status use set_ticket_status.")]
    public async Task<TicketToolResult> UpdateTicketAsync(
        [Description("The ticket id.")] long id,
        [Description("New title, 1-255 characters; omit to keep the current one.")] string? title = null,
        [Description("New description; omit to keep the current one.")] string? description = null,
        CancellationToken cancellationToken = default)
    {
        if (title is null && description is null)
        {
            return TicketToolResult.Failure($"Nothing to change on ticket #{id}: give a new title, a new description or both.");
        }

        var result = await client.PatchAsync(id, new TicketPatch(title, description), cancellationToken);
        if (result.Value is not { } ticket)
        {
            return TicketToolResult.Failure(result.Problem!);
        }

        var changed = title is not null && description is not null ? "title and description"
            : title is not null ? "title" : "description";
        return TicketToolResult.Success($"Updated the {changed} of ticket #{ticket.Id}; its title is '{ticket.Title}'.", ticket);
    }

    [Description("Move a ticket through its lifecycle: resolve (RESOLVED), close (CLOSED) or reopen (OPEN). Allowed: OPEN -> RESOLVED, RESOLVED -> OPEN, RESOLVED -> CLOSED; CLOSED is final. Setting the current status again changes nothing.")]
    public async Task<TicketToolResult> SetTicketStatusAsync(
        [Description("The ticket id.")] long id,
        [Description("The new status: RESOLVED to resolve, CLOSED to close, OPEN to reopen.")] TicketStatus status,
        CancellationToken cancellationToken = default)
    {
        var result = await client.PatchAsync(id, new TicketPatch(ResolutionStatus: status), cancellationToken);
        return result.Value is { } ticket
            ? TicketToolResult.Success($"Ticket #{ticket.Id} '{ticket.Title}' is now {TicketStatusNames.ToWire(ticket.ResolutionStatus)}.", ticket)
            : TicketToolResult.Failure(result.Problem!);
    }

    [Description("Delete a ticket for good. Only after the user has explicitly confirmed. confirm_title must equal the ticket's current title exactly (get_ticket shows it); otherwise nothing is deleted.")]
    public async Task<TicketToolResult> DeleteTicketAsync(
        [Description("The ticket id.")] long id,
        [Description("The ticket's current title, exactly, as confirmation.")] string confirm_title,
        CancellationToken cancellationToken = default)
    {
        var current = await client.GetAsync(id, cancellationToken);
        if (current.Value is not { } ticket)
        {
            return TicketToolResult.Failure(current.Problem!);
        }

        if (!string.Equals((confirm_title ?? "").Trim(), ticket.Title.Trim(), StringComparison.Ordinal))
        {
            return TicketToolResult.Failure(
                $"Not deleted: confirm_title '{confirm_title}' does not equal the current title of ticket #{id}, '{ticket.Title}'. Confirm with the exact title.");
        }

        // If-Match: if the ticket changed since the title was checked, the service refuses (412).
        var deleted = await client.DeleteAsync(id, current.ETag, cancellationToken);
        return deleted.IsSuccess
            ? TicketToolResult.Success($"Deleted ticket #{id} '{ticket.Title}'.", new TicketDeletedData(id, true))
            : TicketToolResult.Failure(deleted.Problem!);
    }

    [Description("Count tickets. With a status, counts that status; without one, gives the total and the count per status. Takes the same filters as list_tickets.")]
    public async Task<TicketToolResult> CountTicketsAsync(
        [Description("Count only tickets in this status; omit for a per-status breakdown.")] TicketStatus? resolution_status = null,
        [Description("Words to find in title or description.")] string? search = null,
        [Description("Case-insensitive text the title must contain.")] string? title__icontains = null,
        [Description("Case-insensitive text the description must contain.")] string? description__icontains = null,
        [Description("Created at or after this moment (ISO-8601, UTC when no offset).")] string? created__gte = null,
        [Description("Created at or before this moment (ISO-8601, UTC when no offset).")] string? created__lte = null,
        [Description("Last changed at or after this moment (ISO-8601, UTC when no offset).")] string? updated__gte = null,
        [Description("Last changed at or before this moment (ISO-8601, UTC when no offset).")] string? updated__lte = null,
        CancellationToken cancellationToken = default)
    {
        if (!TryBuildQuery(resolution_status, null, search, title__icontains, description__icontains,
                created__gte, created__lte, updated__gte, updated__lte, out var query, out var error))
        {
            return TicketToolResult.Failure(error);
        }

        // page_size=1: the envelope's count is all we need.
        query = query with { PageSize = 1 };
        if (resolution_status is { } status)
        {
            var one = await client.ListAsync(query, cancellationToken);
            return one.Value is { } page
                ? TicketToolResult.Success(TicketSummaries.Count(page.Count, status, query), new TicketCountData(page.Count))
                : TicketToolResult.Failure(one.Problem!);
        }

        var byStatus = new Dictionary<string, long>();
        foreach (var each in Enum.GetValues<TicketStatus>())
        {
            var counted = await client.ListAsync(query with { Status = each }, cancellationToken);
            if (counted.Value is not { } page)
            {
                return TicketToolResult.Failure(counted.Problem!);
            }

            byStatus[TicketStatusNames.ToWire(each)] = page.Count;
        }

        var total = byStatus.Values.Sum();
        return TicketToolResult.Success(TicketSummaries.Breakdown(total, byStatus, query), new TicketCountData(total, byStatus));
    }

    private static bool TryBuildQuery(TicketStatus? status, TicketStatus[]? statusIn, string? search, string? titleContains,
        string? descriptionContains, string? createdFrom, string? createdTo, string? updatedFrom, string? updatedTo,
        out TicketQuery query, out string error)
    {
        query = new TicketQuery();
        error = "";
        var moments = new (string Name, string? Text)[]
        {
            ("created__gte", createdFrom), ("created__lte", createdTo), ("updated__gte", updatedFrom), ("updated__lte", updatedTo),
        };
        var parsed = new DateTimeOffset?[moments.Length];
        for (var i = 0; i < moments.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(moments[i].Text))
            {
                continue;
            }

            if (!DateTimeOffset.TryParse(moments[i].Text, CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var moment))
            {
                error = $"{moments[i].Name} '{moments[i].Text}' is not a date: use ISO-8601, e.g. 2025-01-01 or 2025-01-01T09:00:00Z.";
                return false;
            }

            parsed[i] = moment;
        }

        query = new TicketQuery
        {
            Status = status,
            StatusIn = statusIn,
            Search = search,
            TitleContains = titleContains,
            DescriptionContains = descriptionContains,
            CreatedFrom = parsed[0],
            CreatedTo = parsed[1],
            UpdatedFrom = parsed[2],
            UpdatedTo = parsed[3],
        };
        return true;
    }
}
