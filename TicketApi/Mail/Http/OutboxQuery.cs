using System.Globalization;

namespace TicketApi.Mail.Http;

/// <summary>A request for one page of the outbox, newest first.</summary>
public sealed record OutboxQuery(int Page = 1, int PageSize = OutboxQuery.DefaultPageSize, string? Status = null, long? TicketId = null)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public const string PageName = "page";
    public const string PageSizeName = "page_size";
    public const string StatusName = "status";
    public const string TicketIdName = "ticket_id";

    public static IReadOnlyList<string> Names { get; } = [PageName, PageSizeName, StatusName, TicketIdName];

    /// <summary>The query, or the errors naming each bad parameter and what it allows; empty values count as absent, as for tickets.</summary>
    public static (OutboxQuery? Query, Dictionary<string, string[]> Errors) Parse(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var result = new OutboxQuery();
        foreach (var (name, values) in query)
        {
            var value = values.ToString().Trim();
            string? error = null;
            if (!Names.Contains(name))
            {
                error = $"Unknown query parameter. Allowed parameters are: {string.Join(", ", Names)}.";
            }
            else if (values.Count > 1)
            {
                error = "Given more than once; give it once.";
            }
            else if (value.Length > 0)
            {
                switch (name)
                {
                    case PageName when Positive(value) is { } page:
                        result = result with { Page = (int)Math.Min(page, int.MaxValue) };
                        break;
                    case PageName:
                        error = $"'{Clip(value)}' is not a page number: use a whole number from 1.";
                        break;
                    case PageSizeName when Positive(value) is { } size:
                        result = result with { PageSize = (int)Math.Min(size, MaxPageSize) };
                        break;
                    case PageSizeName:
                        error = $"'{Clip(value)}' is not a page size: use a whole number from 1 to {MaxPageSize}.";
                        break;
                    case StatusName when OutboxMailStatuses.All.Contains(value):
                        result = result with { Status = value };
                        break;
                    case StatusName:
                        error = $"Invalid status '{Clip(value)}'. Allowed values are: {string.Join(", ", OutboxMailStatuses.All)}.";
                        break;
                    case TicketIdName when Positive(value) is { } id:
                        result = result with { TicketId = id };
                        break;
                    default:
                        error = $"'{Clip(value)}' is not a ticket id: use a whole number from 1.";
                        break;
                }
            }
            if (error is not null)
            {
                errors[name] = [error];
            }
        }
        return (errors.Count == 0 ? result : null, errors);
    }

    private static long? Positive(string value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 ? number : null;

    private static string Clip(string value) => value.Length <= 50 ? value : value[..50] + "...";
}
