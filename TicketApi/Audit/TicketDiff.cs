using System.Globalization;
using TicketApi.Contracts;
using TicketApi.Conversations;
using TicketApi.Data;

namespace TicketApi.Audit;

/// <summary>
/// The <see cref="FieldChange"/>s between two states of a ticket, named and written as the API spells them
/// (docs/accounts.md, "Audit"), and the <see cref="TicketChange"/>s the write paths hand to the journal. The
/// triage record is summarised by its status and source (its reasons are in the ticket itself); its triaged
/// values appear as priority, category and sentiment.
/// </summary>
public static class TicketDiff
{
    /// <summary>Every field whose value differs; a null state (before a create, after a delete) has no values.</summary>
    public static IReadOnlyList<FieldChange> Between(TicketEntity? before, TicketEntity? after)
    {
        var changes = new List<FieldChange>();
        foreach (var (field, read) in Fields)
        {
            var old = before is null ? null : read(before);
            var @new = after is null ? null : read(after);
            if (old != @new)
            {
                changes.Add(new FieldChange(field, old, @new));
            }
        }
        return changes;
    }

    /// <summary>A new ticket: every field it was stored with.</summary>
    public static TicketChange Created(TicketEntity ticket) =>
        new(ticket.Id, TicketActions.Created, Between(null, ticket), ticket);

    /// <summary>A change to the ticket's own fields: <c>status_changed</c> when its status moved, else <paramref name="action"/>.</summary>
    public static TicketChange Changed(TicketEntity before, TicketEntity after, string action = TicketActions.Updated) =>
        new(after.Id, after.ResolutionStatus != before.ResolutionStatus ? TicketActions.StatusChanged : action, Between(before, after), after, before);

    /// <summary>
    /// A message joined the thread (<c>message_added</c>, or <c>draft_sent</c> for an approved draft): the ticket's
    /// fields it moved, then the message's id and kind.
    /// </summary>
    public static TicketChange MessageAdded(TicketEntity before, TicketEntity after, TicketMessageEntity message, string action = TicketActions.MessageAdded) =>
        new(after.Id, action, [.. Between(before, after),
            new FieldChange("message_id", null, message.Id.ToString(CultureInfo.InvariantCulture)),
            new FieldChange("message_kind", null, message.Kind)], after, before, message);

    public static TicketChange Deleted(TicketEntity before) =>
        new(before.Id, TicketActions.Deleted, Between(before, null), null, before);

    private static readonly (string Field, Func<TicketEntity, string?> Read)[] Fields =
    [
        ("title", t => t.Title),
        ("description", t => t.Description),
        ("resolution_status", t => TicketStatuses.ToWire(t.ResolutionStatus)),
        ("priority", t => TicketLabels.PriorityName(t.Priority)),
        ("category", t => t.Category),
        ("sentiment", t => t.Sentiment),
        ("requester_name", t => t.RequesterName),
        ("requester_email", t => t.RequesterEmail),
        ("triage", t => t.TriageRecord is { } triage ? $"{triage.Status} ({Sources(triage)})" : null),
        ("first_response_at", t => Timestamp(t.FirstResponseAt)),
        ("resolved_at", t => Timestamp(t.ResolvedAt)),
        ("closed_at", t => Timestamp(t.ClosedAt)),
    ];

    private static string Sources(TicketTriage triage) =>
        $"priority {triage.Priority.Source}, category {triage.Category.Source}, sentiment {triage.Sentiment.Source}";

    private static string? Timestamp(DateTime? value) =>
        value?.ToString(UtcTimestampJsonConverter.Format, CultureInfo.InvariantCulture);
}
