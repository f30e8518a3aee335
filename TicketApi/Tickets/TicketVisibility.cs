using TicketApi.Accounts;
using TicketApi.Contracts;
using TicketApi.Data;
using TicketApi.Querying;

namespace TicketApi.Tickets;

/// <summary>
/// The row-level rules of docs/accounts.md, "Visibility", in one place for every face (REST, the in-process
/// service behind the chat's tools and MCP stdio): staff see every ticket and all of it; a requester sees only
/// the tickets they own, without the triage record, and only the public part of a thread. Decided on the acting
/// person (<see cref="ActingContext"/>), never on anything a request or a tool argument says.
/// </summary>
public static class TicketVisibility
{
    /// <summary>The schema step that adds <c>filed_by</c> (appended to <see cref="SqliteSchemaMigrator"/>'s steps).</summary>
    public const string FiledBySchemaSqlite =
        """
        ALTER TABLE tickets ADD COLUMN filed_by TEXT;
        CREATE INDEX ix_tickets_filed_by ON tickets (filed_by) WHERE filed_by IS NOT NULL;
        """;

    /// <summary>The same step for <see cref="PostgresSchemaMigrator"/>.</summary>
    public const string FiledBySchemaPostgres =
        """
        ALTER TABLE tickets ADD COLUMN filed_by text;
        CREATE INDEX ix_tickets_filed_by ON tickets (filed_by) WHERE filed_by IS NOT NULL;
        """;

    /// <summary>Agents, admins, the local admin and the system: every ticket, every field, every message.</summary>
    public static bool SeesEverything(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.IsStaff;
    }

    /// <summary>True when <paramref name="actor"/> may see <paramref name="ticket"/> at all; otherwise it is a 404, as a missing one is.</summary>
    public static bool CanSee(Actor actor, TicketEntity ticket)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(ticket);
        return SeesEverything(actor) || Owns(actor, ticket);
    }

    /// <summary>The list's narrowing for <paramref name="actor"/>: null for staff; an anonymous actor owns nothing.</summary>
    public static TicketOwner? Narrowing(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return SeesEverything(actor) ? null : new TicketOwner(actor.Id, string.IsNullOrWhiteSpace(actor.Email) ? null : actor.Email);
    }

    /// <summary>The query as <paramref name="actor"/> may run it: their own tickets only, unless they are staff.</summary>
    public static TicketQuery Narrowed(TicketQuery query, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Narrowing(actor) is { } owner ? query with { Owner = owner } : query;
    }

    /// <summary>
    /// The ticket as <paramref name="actor"/> is shown it: a requester's copy has no triage record (its reasons,
    /// confidences and sources are the desk's working, not the customer's business) and no sentiment (the desk's
    /// reading of the requester's own tone: telling them "NEGATIVE" serves nobody).
    /// </summary>
    public static TicketEntity Shown(Actor actor, TicketEntity ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (SeesEverything(actor))
        {
            return ticket;
        }
        var shown = ticket.Copy();
        shown.Triage = null;
        shown.Sentiment = null;
        return shown;
    }

    /// <summary>
    /// The list filters <paramref name="actor"/> may not use, each with why; null when every filter given is allowed.
    /// A requester filtering their own tickets by <c>sentiment</c> would read the very value <see cref="Shown"/>
    /// hides (one request per label), so for them the filter is refused (400) rather than silently ignored.
    /// </summary>
    public static Dictionary<string, string[]>? RefusedFilters(Actor actor, TicketQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (SeesEverything(actor))
        {
            return null;
        }
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (query.Sentiment is not null)
        {
            errors[TicketQueryParameters.Keys.Sentiment] = [StaffOnlyFilter];
        }
        if (query.SentimentIn is not null)
        {
            errors[TicketQueryParameters.Keys.SentimentIn] = [StaffOnlyFilter];
        }
        return errors.Count > 0 ? errors : null;
    }

    private const string StaffOnlyFilter = "Sentiment is the support team's working and is not shown to requesters, so they cannot filter by it.";

    /// <summary>The message kinds <paramref name="actor"/> reads in a thread: a requester never sees a note.</summary>
    public static bool SeesMessage(Actor actor, string kind) =>
        SeesEverything(actor) || kind is TicketMessageKinds.Customer or TicketMessageKinds.Reply;

    /// <summary>The message kinds <paramref name="actor"/> may add: a requester speaks only as the customer.</summary>
    public static bool MayAdd(Actor actor, string kind) =>
        SeesEverything(actor) || kind == TicketMessageKinds.Customer;

    /// <summary>
    /// A requester files tickets as themselves: with no requester fields given, theirs are filled in; another
    /// person's address, or a priority or category (triage's and the staff's to set), is refused with the field
    /// named (422). Staff file on anyone's behalf, as before.
    /// </summary>
    public static (TicketChanges Changes, Dictionary<string, string[]>? Errors) ForFiling(Actor actor, TicketChanges changes)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(changes);
        if (SeesEverything(actor))
        {
            return (changes, null);
        }
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var email = string.IsNullOrWhiteSpace(changes.RequesterEmail) ? actor.Email : changes.RequesterEmail.Trim();
        if (email is not null && !string.Equals(email, actor.Email, StringComparison.OrdinalIgnoreCase))
        {
            errors["requester_email"] = ["A requester files tickets as themselves: leave requester_email out or send your own address."];
        }
        if (changes.Priority is not null)
        {
            errors["priority"] = ["priority is set by triage and the support team, not by the requester."];
        }
        if (changes.Category is not null)
        {
            errors["category"] = ["category is set by triage and the support team, not by the requester."];
        }
        if (errors.Count > 0)
        {
            return (changes, errors);
        }
        var name = string.IsNullOrWhiteSpace(changes.RequesterName) ? actor.Name : changes.RequesterName;
        return (changes with { RequesterEmail = email, RequesterName = name }, null);
    }

    /// <summary>
    /// A requester owns a ticket sent as their address (compared ignoring case, as the list's index compares it)
    /// or filed by them.
    /// </summary>
    private static bool Owns(Actor actor, TicketEntity ticket) =>
        !actor.IsAnonymous
        && ((ticket.FiledBy is { } filedBy && string.Equals(filedBy, actor.Id, StringComparison.Ordinal))
            || (actor.Email is { Length: > 0 } email && string.Equals(ticket.RequesterEmail, email, StringComparison.OrdinalIgnoreCase)));
}
