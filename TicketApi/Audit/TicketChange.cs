using TicketApi.Accounts;
using TicketApi.Conversations;
using TicketApi.Data;

namespace TicketApi.Audit;

/// <summary>What happened to a ticket (docs/accounts.md, "Audit"): the audit trail's <c>action</c>.</summary>
public static class TicketActions
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string StatusChanged = "status_changed";
    public const string MessageAdded = "message_added";
    public const string DraftWritten = "draft_written";
    public const string DraftDiscarded = "draft_discarded";
    public const string DraftSent = "draft_sent";
    public const string Triaged = "triaged";
    public const string Assigned = "assigned";
    public const string Rated = "rated";
    public const string Deleted = "deleted";
}

/// <summary>One field's value before and after, as the API spells both (null when absent).</summary>
public sealed record FieldChange(string Field, string? Old, string? New);

/// <summary>
/// One change to one ticket, handed to the <see cref="ChangeJournal"/> while it is being written, so that what
/// records it (the audit trail, the live-event table) is saved in the same transaction as the change itself.
/// </summary>
/// <param name="After">The ticket as the change leaves it; null once deleted (then <paramref name="Before"/> is set).</param>
/// <param name="Message">The message a <see cref="TicketActions.MessageAdded"/> or <see cref="TicketActions.DraftSent"/> added.</param>
public sealed record TicketChange(
    long TicketId,
    string Action,
    IReadOnlyList<FieldChange> Fields,
    TicketEntity? After,
    TicketEntity? Before = null,
    TicketMessageEntity? Message = null);

/// <summary>Something that records ticket changes inside the writer's unit of work: it adds rows, it never saves.</summary>
public interface ITicketChangeSink
{
    void Stage(TicketDbContext db, TicketChange change, Acting acting, DateTime at);
}

/// <summary>
/// Where every write path reports its change, before it saves: each registered <see cref="ITicketChangeSink"/>
/// adds its rows to the same context, so they commit or roll back with the change (docs/accounts.md, "Audit").
/// Who acted comes from <see cref="ActingContext"/>.
/// </summary>
public sealed class ChangeJournal(IEnumerable<ITicketChangeSink> sinks)
{
    private readonly ITicketChangeSink[] _sinks = [.. sinks];

    public void Stage(TicketDbContext db, TicketChange change, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(change);
        var acting = ActingContext.Current;
        foreach (var sink in _sinks)
        {
            sink.Stage(db, change, acting, at);
        }
    }
}
