namespace TicketApi.Contracts;

/// <summary>The wire names of <see cref="TicketStatus"/> and the lifecycle between them.</summary>
public static class TicketStatuses
{
    public static IReadOnlyList<TicketStatus> All { get; } = [TicketStatus.Open, TicketStatus.Resolved, TicketStatus.Closed];

    /// <summary>"OPEN, RESOLVED, CLOSED": the allowed values, as error messages list them.</summary>
    public static string AllowedList { get; } = string.Join(", ", All.Select(ToWire));

    public static string ToWire(TicketStatus status) => status switch
    {
        TicketStatus.Open => "OPEN",
        TicketStatus.Resolved => "RESOLVED",
        TicketStatus.Closed => "CLOSED",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static TicketStatus FromWire(string value) =>
        TryParse(value, out var status) ? status : throw new FormatException($"Unknown ticket status '{value}'.");

    /// <summary>Exact, case-sensitive match of a wire name.</summary>
    public static bool TryParse(string? value, out TicketStatus status)
    {
        switch (value)
        {
            case "OPEN": status = TicketStatus.Open; return true;
            case "RESOLVED": status = TicketStatus.Resolved; return true;
            case "CLOSED": status = TicketStatus.Closed; return true;
            default: status = default; return false;
        }
    }

    /// <summary>
    /// The strict lifecycle: OPEN -> RESOLVED, RESOLVED -> OPEN (reopen), RESOLVED -> CLOSED; CLOSED is final.
    /// Staying in the same status is not a transition and is always allowed.
    /// </summary>
    public static IReadOnlyList<TicketStatus> AllowedTargets(TicketStatus from) => from switch
    {
        TicketStatus.Open => [TicketStatus.Resolved],
        TicketStatus.Resolved => [TicketStatus.Open, TicketStatus.Closed],
        _ => [],
    };

    public static bool CanMove(TicketStatus from, TicketStatus to) => from == to || AllowedTargets(from).Contains(to);
}
