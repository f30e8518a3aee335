using System.Text.Json;
using System.Text.Json.Serialization;
using TicketApi.Accounts;
using TicketApi.Audit;
using TicketApi.Contracts;
using TicketApi.Data;

namespace TicketApi.Events;

/// <summary>The live event types (docs/accounts.md, "Live events").</summary>
public static class TicketEventTypes
{
    public const string TicketCreated = "ticket.created";
    public const string TicketUpdated = "ticket.updated";
    public const string TicketStatusChanged = "ticket.status_changed";
    public const string TicketDeleted = "ticket.deleted";
    public const string MessageCreated = "message.created";
    public const string DraftReady = "draft.ready";
    public const string RatingCreated = "rating.created";
}

/// <summary>What an event says beyond its id, type, time and ticket: names only, so no value reaches someone who may not read it.</summary>
/// <param name="Fields">The ticket fields the change moved, as the API spells them.</param>
/// <param name="Status">The ticket's status after a <c>ticket.status_changed</c>.</param>
public sealed record EventData(
    [property: JsonPropertyName("fields")] IReadOnlyList<string> Fields,
    [property: JsonPropertyName("status")] string? Status = null,
    [property: JsonPropertyName("message_id")] long? MessageId = null,
    [property: JsonPropertyName("message_kind")] string? MessageKind = null,
    [property: JsonPropertyName("by")] string? By = null);

/// <summary>
/// Adds the live events a change makes to <c>ticket_events</c>, in the writer's unit of work, so an event exists
/// exactly when its change does (docs/accounts.md, "Live events"). A message (or a sent draft) that also moves
/// the ticket's status makes two events; notes and drafts are marked for staff only.
/// </summary>
public sealed class EventSink : ITicketChangeSink
{
    private static readonly int UrgentRank = TicketLabels.PriorityRank("URGENT");

    public void Stage(TicketDbContext db, TicketChange change, Acting acting, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(acting);
        var fields = change.Fields.Select(f => f.Field).ToList();
        var ticket = change.After ?? change.Before;
        var statusMoved = change.Fields.FirstOrDefault(f => f.Field == "resolution_status") is { New: { } status } ? status : null;
        void Add(string type, EventData data, bool staffOnly = false) => db.Add(new TicketEvent
        {
            At = at,
            Type = type,
            TicketId = change.TicketId,
            Data = JsonSerializer.Serialize(data, EventJsonContext.Default.EventData),
            Urgent = ticket?.Priority == UrgentRank,
            RequesterEmail = ticket?.RequesterEmail,
            StaffOnly = staffOnly,
        });

        switch (change.Action)
        {
            case TicketActions.Created:
                Add(TicketEventTypes.TicketCreated, new EventData(fields));
                break;
            case TicketActions.Deleted:
                Add(TicketEventTypes.TicketDeleted, new EventData([]));
                break;
            case TicketActions.MessageAdded or TicketActions.DraftSent when change.Message is { } message:
                Add(TicketEventTypes.MessageCreated, new EventData(fields, MessageId: message.Id, MessageKind: message.Kind),
                    staffOnly: message.Kind == TicketMessageKinds.Note);
                if (statusMoved is not null)
                {
                    Add(TicketEventTypes.TicketStatusChanged, new EventData(fields, statusMoved));
                }
                break;
            case TicketActions.DraftWritten:
                Add(TicketEventTypes.DraftReady, new EventData(fields), staffOnly: true);
                break;
            case TicketActions.DraftDiscarded:
                break; // nothing a desk shows changes
            case TicketActions.Rated:
                Add(TicketEventTypes.RatingCreated, new EventData(fields));
                break;
            default:
                if (fields.Count > 0)
                {
                    Add(statusMoved is null ? TicketEventTypes.TicketUpdated : TicketEventTypes.TicketStatusChanged, new EventData(fields, statusMoved));
                }
                break;
        }
    }
}

/// <summary>Source-generated JSON for the event rows and frames.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EventData))]
[JsonSerializable(typeof(EventFrame))]
[JsonSerializable(typeof(MissedFrame))]
public sealed partial class EventJsonContext : JsonSerializerContext;
