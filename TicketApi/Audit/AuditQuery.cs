using System.Globalization;
using TicketApi.Contracts;
using TicketApi.Querying;

namespace TicketApi.Audit;

/// <summary>The filters of <c>GET /api/audit/</c> (docs/accounts.md, "Audit"); null means "any".</summary>
public sealed record AuditQuery(
    string? ActorId = null,
    string? Channel = null,
    string? Action = null,
    long? TicketId = null,
    DateTime? Since = null,
    DateTime? Until = null,
    int Page = 1,
    int PageSize = TicketQuery.DefaultPageSize)
{
    public static class Keys
    {
        public const string Actor = "actor";
        public const string Channel = "channel";
        public const string Action = "action";
        public const string Ticket = "ticket";
        public const string Since = "since";
        public const string Until = "until";
    }

    public static IReadOnlyList<string> Parameters { get; } =
        [Keys.Actor, Keys.Channel, Keys.Action, Keys.Ticket, Keys.Since, Keys.Until, TicketQueryParameters.Keys.Page, TicketQueryParameters.Keys.PageSize];

    public static IReadOnlyList<string> Actions { get; } =
    [
        TicketActions.Created, TicketActions.Updated, TicketActions.StatusChanged, TicketActions.MessageAdded, TicketActions.DraftWritten,
        TicketActions.DraftDiscarded, TicketActions.DraftSent, TicketActions.Triaged, TicketActions.Assigned, TicketActions.Rated, TicketActions.Deleted,
    ];

    /// <summary>The query, or the errors of every parameter that is unknown, repeated or not a value of its kind.</summary>
    public static (AuditQuery? Query, Dictionary<string, string[]> Errors) Parse(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var parsed = new AuditQuery();
        foreach (var (name, values) in query)
        {
            if (!Parameters.Contains(name, StringComparer.Ordinal))
            {
                errors[name] = [$"Unknown query parameter. Allowed parameters are: {string.Join(", ", Parameters)}."];
                continue;
            }
            if (values.Count > 1)
            {
                errors[name] = ["Given more than once; give it once."];
                continue;
            }
            var value = values.ToString();
            string? error = null;
            switch (name)
            {
                case Keys.Actor when value.Length > 0:
                    parsed = parsed with { ActorId = value };
                    break;
                case Keys.Channel when TicketMessageChannels.All.Contains(value, StringComparer.Ordinal):
                    parsed = parsed with { Channel = value };
                    break;
                case Keys.Channel:
                    error = $"'{value}' is not a channel: use one of {string.Join(", ", TicketMessageChannels.All)}.";
                    break;
                case Keys.Action when Actions.Contains(value, StringComparer.Ordinal):
                    parsed = parsed with { Action = value };
                    break;
                case Keys.Action:
                    error = $"'{value}' is not an action: use one of {string.Join(", ", Actions)}.";
                    break;
                case Keys.Ticket when long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ticket) && ticket > 0:
                    parsed = parsed with { TicketId = ticket };
                    break;
                case Keys.Ticket:
                    error = $"'{value}' is not a ticket id: use a whole number from 1.";
                    break;
                case Keys.Since or Keys.Until when Timestamp(value) is { } at:
                    parsed = name == Keys.Since ? parsed with { Since = at } : parsed with { Until = at };
                    break;
                case Keys.Since or Keys.Until:
                    error = $"'{value}' is not an ISO 8601 date or date-time (e.g. 2025-01-08 or 2025-01-08T14:15:22Z).";
                    break;
                case TicketQueryParameters.Keys.Page or TicketQueryParameters.Keys.PageSize:
                    var paging = TicketQueryParser.Parse([new KeyValuePair<string, string?>(name, value)]);
                    if (paging.Query is { } ok)
                    {
                        parsed = name == TicketQueryParameters.Keys.Page ? parsed with { Page = ok.Page } : parsed with { PageSize = ok.PageSize };
                    }
                    else
                    {
                        foreach (var (field, messages) in paging.Errors)
                        {
                            errors[field] = messages;
                        }
                    }
                    break;
                default:
                    error = "Give a value.";
                    break;
            }
            if (error is not null)
            {
                errors[name] = [error];
            }
        }
        return errors.Count > 0 ? (null, errors) : (parsed, errors);
    }

    /// <summary>An ISO 8601 date (midnight UTC) or date-time; one without an offset is read as UTC.</summary>
    private static DateTime? Timestamp(string value) =>
        DateTimeOffset.TryParseExact(value, IsoForms, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at.UtcDateTime
            : null;

    /// <summary>ISO 8601's calendar date and date-times with an optional fraction and an optional zone (K: Z, an offset, or none).</summary>
    private static readonly string[] IsoForms = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];
}
