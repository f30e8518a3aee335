using TicketApi.Contracts;

namespace TicketApi.Data;

/// <summary>A row of the <c>tickets</c> table. <see cref="Version"/> is the concurrency token behind ETags.</summary>
public sealed class TicketEntity
{
    public long Id { get; set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public DateTime Created { get; set; }
    public DateTime Updated { get; set; }
    public TicketStatus ResolutionStatus { get; set; }
    public long Version { get; set; } = 1;

    /// <summary>The priority's rank (LOW 0 .. URGENT 3, <see cref="TicketLabels.PriorityRank"/>), so ordering by it is an index walk.</summary>
    public int Priority { get; set; } = TicketLabels.NormalRank;
    public string Category { get; set; } = "OTHER";
    /// <summary>The requester's tone; stored for every row (NOT NULL), null only in the copy a requester is shown (<see cref="Tickets.TicketVisibility.Shown"/>).</summary>
    public string? Sentiment { get; set; } = "NEUTRAL";
    public string? RequesterName { get; set; }
    public string? RequesterEmail { get; set; }

    /// <summary>The <see cref="TicketTriage"/> record as JSON text (<see cref="StoredTriageJson"/>), served as it is stored.</summary>
    public string? Triage { get; set; }
    public DateTime? FirstResponseAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public DateTime? ClosedAt { get; set; }

    /// <summary>The id of whoever filed the ticket (docs/accounts.md, "Visibility"); staff-only, never in <see cref="TicketDto"/>.</summary>
    public string? FiledBy { get; set; }
    /// <summary>The assignee's id and shown name (docs/accounts.md, "Assignment"); both null while unassigned.</summary>
    public string? AssigneeId { get; set; }
    public string? AssigneeName { get; set; }

    /// <summary>The requester's rating (docs/accounts.md, "Satisfaction"); all three null until rated.</summary>
    public int? RatingScore { get; set; }
    public string? RatingComment { get; set; }
    public DateTime? RatedAt { get; set; }

    /// <summary>Where the ticket was filed (<see cref="Contracts.TicketMessageChannels"/>, or freshdesk); set once, at creation.</summary>
    public string Channel { get; set; } = Contracts.TicketMessageChannels.Rest;

    public Assignment.TicketAssignee? Assignee => AssigneeId is null ? null : new(AssigneeId, AssigneeName ?? AssigneeId);

    public Ratings.TicketRating? Rating => RatingScore is { } score ? new(score, RatingComment, RatedAt ?? Updated) : null;

    /// <summary>
    /// The stored record, parsed. A create or re-triage reads it back twice in the same request (the audit diff, then
    /// the response), so the record <see cref="Apply"/> wrote, or the last one parsed, is kept with the exact text it
    /// came from: one reference, swapped whole, so a stale record is never paired with newer text.
    /// </summary>
    public TicketTriage? TriageRecord
    {
        get
        {
            if (Triage is not { } json)
            {
                return null;
            }
            if (parsed is { } known && ReferenceEquals(known.Json, json))
            {
                return known.Record;
            }
            var record = StoredTriageJson.Deserialize(json);
            parsed = record is null ? null : new ParsedTriage(json, record);
            return record;
        }
    }

    private ParsedTriage? parsed;

    private sealed record ParsedTriage(string Json, TicketTriage Record);

    public TicketDto ToDto() => new(Id, Title, Description, Created, Updated, ResolutionStatus,
        TicketLabels.PriorityName(Priority), Category, Sentiment, RequesterName, RequesterEmail, TriageRecord,
        FirstResponseAt, ResolvedAt, ClosedAt, Assignee, Rating, Channel);

    /// <summary>A copy to change: writes build the next state beside the one they read.</summary>
    public TicketEntity Copy() => (TicketEntity)MemberwiseClone();

    /// <summary>Sets the triaged columns and the record from one <see cref="TicketTriage"/>.</summary>
    public void Apply(TicketTriage triage)
    {
        ArgumentNullException.ThrowIfNull(triage);
        Priority = TicketLabels.PriorityRank(triage.Priority.Value);
        Category = triage.Category.Value;
        Sentiment = triage.Sentiment.Value;
        Triage = StoredTriageJson.Serialize(triage);
        parsed = new ParsedTriage(Triage, triage);
    }
}
