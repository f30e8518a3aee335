using TicketApi.Contracts;
using TicketApi.Conversations;
using TicketApi.Data;

namespace TicketApi.Analytics;

/// <summary>One counter's change: figure, UTC day (days since 1970-01-01; 0 for the state figures), key, slot, amount.</summary>
public readonly record struct CounterDelta(string Figure, int Day, string Key, int Slot, long Amount);

/// <summary>
/// What each ticket adds to the pre-aggregated counters (docs/analytics.md, "Counters"). A ticket's state
/// figures are a pure function of its row (<see cref="Of"/>), so a change adds <c>Of(after) - Of(before)</c>;
/// moves to RESOLVED are events, counted when they happen (<see cref="Moves"/>). The rebuild sums the same
/// <see cref="Of"/> over every row, so the two ways cannot drift apart without the equality test noticing.
/// </summary>
public static class AnalyticsFigures
{
    public const string Created = "created";
    public const string Channel = "channel";
    public const string Sentiment = "sentiment";
    public const string Status = "status";
    public const string OpenCategory = "open_category";
    public const string OpenPriority = "open_priority";
    public const string FirstResponse = "first_response";
    public const string Resolution = "resolution";
    public const string Rating = "rating";
    public const string Resolved = "resolved";
    public const string SelfService = "self_service";

    /// <summary>Figures of the ticket table as it is now, kept on day 0 (not a date).</summary>
    public static readonly IReadOnlyList<string> StateFigures = [Status, OpenCategory, OpenPriority];

    /// <summary>
    /// Counter rows per (figure, day, key): a change adds to the row of slot <c>id % Slots</c>, so concurrent writers on
    /// PostgreSQL seldom wait for the same row lock (every create of a day would otherwise queue on one row).
    /// </summary>
    public const int Slots = 4;

    public static int DayOf(DateTime utc) => (int)(utc.Ticks / TimeSpan.TicksPerDay - DateTime.UnixEpoch.Ticks / TimeSpan.TicksPerDay);

    public static DateOnly DateOf(int day) => DateOnly.FromDayNumber(DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber + day);

    public static int DayOf(DateOnly date) => date.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    /// <summary>What one ticket as stored contributes to the counters (each with amount +1).</summary>
    public static IEnumerable<CounterDelta> Of(TicketEntity ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var slot = SlotOf(ticket.Id);
        var createdDay = DayOf(ticket.Created);
        yield return new(Created, createdDay, "", slot, 1);
        yield return new(Channel, createdDay, ticket.Channel, slot, 1);
        yield return new(Sentiment, createdDay, ticket.Sentiment ?? "NEUTRAL", slot, 1); // never null in storage: only hidden from requesters on the way out
        yield return new(Status, 0, TicketStatuses.ToWire(ticket.ResolutionStatus), slot, 1);
        if (ticket.ResolutionStatus == TicketStatus.Open)
        {
            yield return new(OpenCategory, 0, ticket.Category, slot, 1);
            yield return new(OpenPriority, 0, TicketLabels.PriorityName(ticket.Priority), slot, 1);
        }
        if (ticket.FirstResponseAt is { } responded)
        {
            yield return new(FirstResponse, createdDay, DurationBuckets.KeyOf(responded - ticket.Created), slot, 1);
        }
        if (ticket.ResolvedAt is { } resolved)
        {
            yield return new(Resolution, createdDay, DurationBuckets.KeyOf(resolved - ticket.Created), slot, 1);
        }
        if (ticket.RatingScore is { } score)
        {
            yield return new(Rating, DayOf(ticket.RatedAt ?? ticket.Updated), score.ToString(System.Globalization.CultureInfo.InvariantCulture), slot, 1);
        }
    }

    /// <summary>
    /// The note the assistant adds when the requester says its offered steps fixed the problem (docs/offline-assistant.md,
    /// "Self-service"; the offline planner and the model's system prompt both write it): the one record of a self-service
    /// resolution the product keeps.
    /// </summary>
    public const string SelfServiceNote = "Resolved by the requester through self-service";

    /// <summary>
    /// The events of a change (docs/analytics.md, "Definitions"): a move into RESOLVED, and a self-service note added.
    /// </summary>
    public static IEnumerable<CounterDelta> Moves(TicketEntity? before, TicketEntity? after, TicketMessageEntity? message, DateTime at)
    {
        if (after is null)
        {
            yield break;
        }
        if (after.ResolutionStatus == TicketStatus.Resolved && before?.ResolutionStatus != TicketStatus.Resolved)
        {
            yield return new(Resolved, DayOf(at), "", SlotOf(after.Id), 1);
        }
        if (message is { Kind: TicketMessageKinds.Note } note && note.Body.StartsWith(SelfServiceNote, StringComparison.Ordinal))
        {
            yield return new(SelfService, DayOf(at), "", SlotOf(after.Id), 1);
        }
    }

    /// <summary>The counters' net change from <paramref name="before"/> to <paramref name="after"/> (either may be null), zero rows dropped, in key order.</summary>
    public static List<CounterDelta> Between(TicketEntity? before, TicketEntity? after, TicketMessageEntity? message, DateTime at)
    {
        var sums = new Dictionary<(string, int, string, int), long>();
        void Add(IEnumerable<CounterDelta> deltas, long sign)
        {
            foreach (var d in deltas)
            {
                var key = (d.Figure, d.Day, d.Key, d.Slot);
                sums[key] = sums.GetValueOrDefault(key) + sign * d.Amount;
            }
        }
        if (before is not null)
        {
            Add(Of(before), -1);
        }
        if (after is not null)
        {
            Add(Of(after), 1);
        }
        Add(Moves(before, after, message, at), 1);
        return Ordered(sums);
    }

    /// <summary>
    /// Non-zero sums in one fixed order: every writer then locks counter rows in the same order, so two
    /// transactions on PostgreSQL cannot each hold a row the other waits for.
    /// </summary>
    public static List<CounterDelta> Ordered(Dictionary<(string Figure, int Day, string Key, int Slot), long> sums)
    {
        ArgumentNullException.ThrowIfNull(sums);
        return [.. sums.Where(s => s.Value != 0)
            .Select(s => new CounterDelta(s.Key.Figure, s.Key.Day, s.Key.Key, s.Key.Slot, s.Value))
            .OrderBy(d => d.Figure, StringComparer.Ordinal).ThenBy(d => d.Day).ThenBy(d => d.Key, StringComparer.Ordinal).ThenBy(d => d.Slot)];
    }

    private static int SlotOf(long id) => (int)(id % Slots);
}
