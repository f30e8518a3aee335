using System.Globalization;
using System.Text;
using AgentHost.Tickets;
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
            builder.Append(CultureInfo.InvariantCulture, $"\n- #{t.Id} {t.Title} ({TicketStatusNames.ToWire(t.ResolutionStatus)})");
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
        var text = $"Ticket #{ticket.Id} '{ticket.Title}' is {TicketStatusNames.ToWire(ticket.ResolutionStatus)} " +
                   $"(created {ticket.Created:yyyy-MM-dd HH:mm} UTC, updated {ticket.Updated:yyyy-MM-dd HH:mm} UTC).";
        return description.Length == 0 ? text : $"{text}\n{description}";
    }

    public static string Count(long count, TicketStatus status, TicketQuery query) =>
        (count == 1 ? $"1 ticket is {TicketStatusNames.ToWire(status)}" : $"{count} tickets are {TicketStatusNames.ToWire(status)}")
        + Filters(query) + ".";

    public static string Breakdown(long total, IReadOnlyDictionary<string, long> byStatus, TicketQuery query) =>
        $"{total} {(total == 1 ? "ticket" : "tickets")}{Filters(query)}: " +
        string.Join(", ", byStatus.Select(kv => $"{kv.Value} {kv.Key}")) + ".";

    private static string Filters(TicketQuery query)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            parts.Add($"matching '{query.Search}'");
        }

        if (!string.IsNullOrWhiteSpace(query.TitleContains))
        {
            parts.Add($"with '{query.TitleContains}' in the title");
        }

        if (!string.IsNullOrWhiteSpace(query.DescriptionContains))
        {
            parts.Add($"with '{query.DescriptionContains}' in the description");
        }

        if (query.CreatedFrom is { } from)
        {
            parts.Add($"created since {from:yyyy-MM-dd HH:mm} UTC");
        }

        if (query.CreatedTo is { } to)
        {
            parts.Add($"created until {to:yyyy-MM-dd HH:mm} UTC");
        }

        if (query.UpdatedFrom is { } uf)
        {
            parts.Add($"updated since {uf:yyyy-MM-dd HH:mm} UTC");
        }

        if (query.UpdatedTo is { } ut)
        {
            parts.Add($"updated until {ut:yyyy-MM-dd HH:mm} UTC");
        }

        return parts.Count == 0 ? "" : " " + string.Join(", ", parts);
    }
}
