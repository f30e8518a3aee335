using TicketApi.Contracts;

namespace TicketApi.Data;

/// <summary>A row of <c>ticket_counts</c>: how many tickets have a status, kept by triggers.</summary>
public sealed class TicketCountEntity
{
    public TicketStatus ResolutionStatus { get; set; }
    public long Count { get; set; }
}
