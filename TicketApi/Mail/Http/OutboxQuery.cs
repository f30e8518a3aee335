using TicketApi.Http;

namespace TicketApi.Mail.Http;

/// <summary>A request for one page of the outbox, newest first.</summary>
public sealed record OutboxQuery(int Page = 1, int PageSize = SmallListQuery.DefaultPageSize, string? Status = null, long? TicketId = null)
{
    public const int MaxPageSize = SmallListQuery.MaxPageSize;

    public const string StatusName = "status";
    public const string TicketIdName = "ticket_id";

    public static IReadOnlyList<string> Names { get; } = [SmallListQuery.PageName, SmallListQuery.PageSizeName, StatusName, TicketIdName];

    /// <summary>The query, or the errors naming each bad parameter and what it allows (<see cref="SmallListQuery"/>).</summary>
    public static (OutboxQuery? Query, Dictionary<string, string[]> Errors) Parse(IQueryCollection query)
    {
        var result = new OutboxQuery();
        var errors = SmallListQuery.Read(query, Names,
            page => result = result with { Page = page },
            size => result = result with { PageSize = size },
            (name, value) =>
            {
                if (name == StatusName)
                {
                    if (!OutboxMailStatuses.All.Contains(value))
                    {
                        return $"Invalid status '{SmallListQuery.Clip(value)}'. Allowed values are: {string.Join(", ", OutboxMailStatuses.All)}.";
                    }
                    result = result with { Status = value };
                    return null;
                }
                if (SmallListQuery.Positive(value) is not { } id)
                {
                    return $"'{SmallListQuery.Clip(value)}' is not a ticket id: use a whole number from 1.";
                }
                result = result with { TicketId = id };
                return null;
            });
        return (errors.Count == 0 ? result : null, errors);
    }
}
