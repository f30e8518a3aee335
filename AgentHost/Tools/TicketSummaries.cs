using System.Globalization;
using System.Text;
using TicketApi.Contracts;
using TicketApi.Querying;

namespace AgentHost.Tools;

/// <summary>The one-line (or few-line) summaries of tool results: readable, and naming every ticket id.</summary>
internal static class TicketSummaries
{
    private const int DescriptionPreview = 400;
    private const int MessagePreview = 200;

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

    public static string Created(TicketDto ticket) =>
        $"Created ticket #{ticket.Id} '{ticket.Title}' ({TicketStatuses.ToWire(ticket.ResolutionStatus)}).";

    /// <summary>Names what changed, and the labels when one of them did (a person's choice from now on).</summary>
    public static string Updated(TicketDto ticket, IReadOnlyList<string> changed)
    {
        var fields = changed.Select(f => f.Replace('_', ' ')).ToList();
        var list = fields.Count == 1 ? fields[0] : $"{string.Join(", ", fields.Take(fields.Count - 1))} and {fields[^1]}";
        var text = $"Updated the {list} of ticket #{ticket.Id}; its title is '{ticket.Title}'.";
        return changed.Contains("priority") || changed.Contains("category")
            ? $"{text} Priority {ticket.Priority}, category {ticket.Category}."
            : text;
    }

    public static string Triaged(TicketDto ticket)
    {
        var text = $"Triaged ticket #{ticket.Id} '{ticket.Title}': priority {ticket.Priority}, category {ticket.Category}, sentiment {ticket.Sentiment}.";
        var kept = new[] { ("priority", ticket.Triage?.Priority), ("category", ticket.Triage?.Category) }
            .Where(f => f.Item2?.Source == TicketTriage.HumanSource).Select(f => f.Item1).ToList();
        return kept.Count == 0 ? text : $"{text} Kept as a person set it: {string.Join(" and ", kept)}.";
    }

    /// <summary>One line per message (kind, author, time, the start of its text), oldest first.</summary>
    public static string Thread(TicketThreadData data, int pageSize)
    {
        if (data.Messages.Count == 0)
        {
            return $"Ticket #{data.TicketId} has no messages yet.";
        }

        var first = ((data.Page - 1) * pageSize) + 1;
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"Ticket #{data.TicketId} has {(data.Count == 1 ? "1 message" : $"{data.Count} messages")}");
        if (data.Count > data.Messages.Count)
        {
            builder.Append(CultureInfo.InvariantCulture, $" (showing {first}-{first + data.Messages.Count - 1})");
        }

        builder.Append(", oldest first:");
        foreach (var m in data.Messages)
        {
            var by = m.Author is null ? "" : $" by {m.Author}";
            builder.Append(CultureInfo.InvariantCulture, $"\n- {m.Kind}{by}, {m.Created:yyyy-MM-dd HH:mm} UTC: {Preview(m.Body)}");
        }

        if (data.HasMore)
        {
            builder.Append(CultureInfo.InvariantCulture, $"\nMore on page {data.Page + 1}.");
        }

        return builder.ToString();
    }

    public static string MessageAdded(TicketMessageDto message) => message.Kind switch
    {
        TicketMessageKinds.Reply => $"Added a reply to ticket #{message.TicketId} (message {message.Id}).",
        TicketMessageKinds.Note => $"Added an internal note to ticket #{message.TicketId} (message {message.Id}); the requester does not see it.",
        _ => $"Added the customer's message to ticket #{message.TicketId} (message {message.Id}).",
    };

    private static string Preview(string body)
    {
        var line = body.ReplaceLineEndings(" ");
        return line.Length <= MessagePreview ? line : line[..MessagePreview] + "...";
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
