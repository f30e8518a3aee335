using TicketApi.Contracts;
using TicketApi.Data;
using TicketApi.Triage;

namespace TicketApi.Tickets;

/// <summary>
/// Turns the offline triager's answer into a ticket's triaged fields (docs/triage.md, "Triage on create"):
/// a value a person set has source <c>human</c> and is kept through every later triage; the others take
/// the triager's value with its confidence and reason.
/// </summary>
public static class TicketTriaging
{
    public const string HumanReason = "set by a person";

    public static TriagedValue Human(string value) => new(value, 1.0, HumanReason, TicketTriage.HumanSource);

    public static bool IsHuman(TriagedValue? value) => value?.Source == TicketTriage.HumanSource;

    public static bool IsPending(TicketTriage? record) => record?.Status == TicketTriage.Pending;

    /// <summary>
    /// Triages the ticket's current words now; the fields <paramref name="kept"/> holds as human stay as they are.
    /// <paramref name="status"/> is <c>pending</c> when a model will be asked next (the rules' answer stands meanwhile).
    /// </summary>
    public static TicketTriage Run(OfflineTriager triager, TicketEntity ticket, TicketTriage? kept, DateTime now, string status = TicketTriage.Done)
    {
        ArgumentNullException.ThrowIfNull(triager);
        ArgumentNullException.ThrowIfNull(ticket);
        var outcome = triager.Triage(new TriageInput(ticket.Title, ticket.Description, ticket.RequesterName));
        return new TicketTriage(
            status,
            now,
            IsHuman(kept?.Category) ? kept!.Category : outcome.Category,
            IsHuman(kept?.Priority) ? kept!.Priority : outcome.Priority,
            outcome.Sentiment);
    }

    /// <summary>The record after a person set priority and/or category (null: not set by this write).</summary>
    public static TicketTriage WithHuman(TicketTriage current, string? priority, string? category)
    {
        ArgumentNullException.ThrowIfNull(current);
        return current with
        {
            Priority = priority is null ? current.Priority : Human(priority),
            Category = category is null ? current.Category : Human(category),
        };
    }

    /// <summary>
    /// The model's answer over a pending record: fields a person set (source <c>human</c>, read from the row as
    /// it is when the answer is written) stay; the others, and sentiment, take the model's values.
    /// </summary>
    public static TicketTriage WithModel(TicketTriage pending, TriageOutcome answer, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(answer);
        return new TicketTriage(
            TicketTriage.Done,
            now,
            IsHuman(pending.Category) ? pending.Category : answer.Category,
            IsHuman(pending.Priority) ? pending.Priority : answer.Priority,
            answer.Sentiment);
    }

    /// <summary>The model gave no usable answer: the stored values (the rules', or a person's) stand.</summary>
    public static TicketTriage Failed(TicketTriage pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        return pending with { Status = TicketTriage.Failed };
    }
}
