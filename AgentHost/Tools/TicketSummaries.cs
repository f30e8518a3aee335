using System.Globalization;
using System.Text;
using TicketApi.Querying;
using TicketApi.Contracts;

namespace AgentHost.Tools;

/// <summary>The one-line (or few-line) summaries of tool results: readable, and naming every ticket id.</summary>
internal static class TicketSummaries
{
    private const int DescriptionPreview = 400;

    public static string List(TicketListData data, int pageSize)
    {
        if (data.Tickets.Count == 0)
        {
            return data.Count == 0 ? "No tickets match." : $"{data.Count} tickets match, but page {data.Page} is empty.";
        }

        var first = ((data.Page - 1) * pageSize) + 1;
        var builder = new StringBuilder();
        builder.Append(data.Count == 1 ? "1 ticket matches" : $"{data.Count} tickets match");
        if (data.Count > data.Tickets.Count)
        {
            builder.Append(CultureInfo.InvariantCulture, $" (showing {first}-{first + data.Tickets.Count - 1})");
        }

        builder.Append(':');
        foreach (var t in data.Tickets)
        {
            builder.Append(CultureInfo.InvariantCulture, $"\n- #{t.Id} {t.Title} ({TicketStatuses.ToWire(t.ResolutionStatus)})");
        }

        if (data.HasMore)
        {
            builder.Append(CultureInfo.InvariantCulture, $"\nMore on page {data.Page + 1}.");
        }

        return builder.ToString();
    }

    public static string Detail(TicketDto ticket)
    {
        var description = ticket.Description.Length > DescriptionPreview
            ? ticket.Description[..DescriptionPreview] + "..."
            : ticket.Description;
        var text = $"Ticket #{ticket.Id} '{ticket.Title}' is {TicketStatuses.ToWire(ticket.ResolutionStatus)} " +
                   $"(created {ticket.Created:yyyy-MM-dd HH:mm} UTC, updated {ticket.Updated:yyyy-MM-dd HH:mm} UTC).";
        return description.Length == 0 ? text : $"{text}\n{description}";
    }

    public static string Count(long count, TicketStatus status, ToolArguments filters) =>
        (count == 1 ? $"1 ticket is {TicketStatuses.ToWire(status)}" : $"{count} tickets are {TicketStatuses.ToWire(status)}")
        + Filters(filters) + ".";

    public static string Breakdown(long total, IReadOnlyDictionary<string, long> byStatus, ToolArguments filters) =>
        $"{total} {(total == 1 ? "ticket" : "tickets")}{Filters(filters)}: " +
        string.Join(", ", byStatus.Select(kv => $"{kv.Value} {kv.Key}")) + ".";

    /// <summary>The text filters a count used, as given, so the sentence says what was counted.</summary>
    private static string Filters(ToolArguments filters)
    {
        var phrases = new (string Name, string Phrase)[]
        {
            (TicketQueryParameters.Keys.Search, "matching '{0}'"),
            (TicketQueryParameters.Keys.TitleContains, "with '{0}' in the title"),
            (TicketQueryParameters.Keys.DescriptionContains, "with '{0}' in the description"),
            (TicketQueryParameters.Keys.CreatedFrom, "created since {0}"),
            (TicketQueryParameters.Keys.CreatedTo, "created until {0}"),
            (TicketQueryParameters.Keys.UpdatedFrom, "updated since {0}"),
            (TicketQueryParameters.Keys.UpdatedTo, "updated until {0}"),
        };
        var parts = phrases
            .Where(p => !string.IsNullOrWhiteSpace(filters.Text(p.Name)))
            .Select(p => string.Format(CultureInfo.InvariantCulture, p.Phrase, filters.Text(p.Name)!.Trim()))
            .ToList();
        return parts.Count == 0 ? "" : " " + string.Join(", ", parts);
    }
}
