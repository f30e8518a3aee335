using TicketApi.Contracts;

namespace AgentHost.Tickets;

/// <summary>The wire names of <see cref="TicketStatus"/> and the lifecycle, for messages and query strings.</summary>
public static class TicketStatusNames
{
    public static string ToWire(TicketStatus status) => status switch
    {
        TicketStatus.Open => "OPEN",
        TicketStatus.Resolved => "RESOLVED",
        TicketStatus.Closed => "CLOSED",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown ticket status."),
    };

    public static bool TryParse(string? text, out TicketStatus status)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "OPEN": status = TicketStatus.Open; return true;
            case "RESOLVED": status = TicketStatus.Resolved; return true;
            case "CLOSED": status = TicketStatus.Closed; return true;
            default: status = default; return false;
        }
    }

    /// <summary>The lifecycle of DESIGN.md: OPEN -> RESOLVED, RESOLVED -> OPEN or CLOSED, CLOSED is final.</summary>
    public static IReadOnlyList<TicketStatus> AllowedFrom(TicketStatus from) => from switch
    {
        TicketStatus.Open => [TicketStatus.Resolved],
        TicketStatus.Resolved => [TicketStatus.Open, TicketStatus.Closed],
        _ => [],
    };
}
