using System.Globalization;
using TicketApi.Contracts;

namespace AgentHost.Desk.Portal;

/// <summary>How the portal's pages write statuses and times for a person (and for machines, in <c>datetime</c>).</summary>
public static class PortalText
{
    /// <summary>The badge's word: what a requester reads, not the API's upper-case wire value.</summary>
    public static string Status(TicketStatus status) => status switch
    {
        TicketStatus.Open => "Open",
        TicketStatus.Resolved => "Resolved",
        _ => "Closed",
    };

    /// <summary>The badge's class in desk.css (<c>.badge.open</c>, <c>.resolved</c>, <c>.closed</c>).</summary>
    public static string StatusClass(TicketStatus status) => TicketStatuses.ToWire(status).ToLowerInvariant();

    /// <summary>Server-rendered times are UTC and say so, so the page reads the same with JavaScript off.</summary>
    public static string Human(DateTime utc) => utc.ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Machine(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
