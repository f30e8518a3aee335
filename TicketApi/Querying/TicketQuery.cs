using TicketApi.Contracts;

namespace TicketApi.Querying;

/// <summary>A parsed, valid list request: filters (all ANDed), ordering and the page wanted.</summary>
public sealed record TicketQuery
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public static IReadOnlyList<OrderKey> DefaultOrdering { get; } = [new("created", true), new("id", true)];

    public long? Id { get; init; }
    public IReadOnlyList<long>? IdIn { get; init; }
    public string? TitleContains { get; init; }
    public string? DescriptionContains { get; init; }
    public DateTime? CreatedFrom { get; init; }
    public DateTime? CreatedTo { get; init; }
    public DateTime? UpdatedFrom { get; init; }
    public DateTime? UpdatedTo { get; init; }
    public TicketStatus? Status { get; init; }
    public IReadOnlyList<TicketStatus>? StatusIn { get; init; }

    /// <summary>Triaged values by their wire names (LOW .. URGENT, ACCOUNT .. OTHER, NEGATIVE .. POSITIVE).</summary>
    public string? Priority { get; init; }
    public IReadOnlyList<string>? PriorityIn { get; init; }
    public string? Category { get; init; }
    public IReadOnlyList<string>? CategoryIn { get; init; }
    public string? Sentiment { get; init; }
    public IReadOnlyList<string>? SentimentIn { get; init; }

    /// <summary>Exact address, compared case-insensitively.</summary>
    public string? RequesterEmail { get; init; }

    /// <summary>
    /// <c>me</c>, <c>none</c> or a person's id, as sent (docs/accounts.md, "Assignment"). "me" stays "me" here and
    /// is read as the acting person where the query runs (<see cref="AssigneeFilter"/>), so a query written back
    /// into a URL or handed to the agent's tools means the same for whoever runs it.
    /// </summary>
    public string? Assignee { get; init; }

    /// <summary>Words to find in title or description; an empty list means a search with no words (matches nothing).</summary>
    public IReadOnlyList<string>? SearchWords { get; init; }

    /// <summary>
    /// Only the tickets a requester owns (docs/accounts.md, "Visibility"): set by the service from the acting person,
    /// never from a query parameter, so no request can widen it.
    /// </summary>
    public TicketOwner? Owner { get; init; }

    public IReadOnlyList<OrderKey> Ordering { get; init; } = DefaultOrdering;
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>True when only status filters apply, so the count can come from the per-status counters.</summary>
    public bool FiltersOnlyByStatus =>
        Id is null && IdIn is null && TitleContains is null && DescriptionContains is null &&
        CreatedFrom is null && CreatedTo is null && UpdatedFrom is null && UpdatedTo is null && SearchWords is null &&
        Priority is null && PriorityIn is null && Category is null && CategoryIn is null && Sentiment is null && SentimentIn is null &&
        RequesterEmail is null && Owner is null && Assignee is null;
}

/// <summary>A requester, as the ticket list narrows to them: tickets sent as <paramref name="Email"/> (any case) or filed by <paramref name="UserId"/>.</summary>
public sealed record TicketOwner(string UserId, string? Email);
