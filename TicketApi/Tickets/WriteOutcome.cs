using TicketApi.Contracts;
using TicketApi.Data;

namespace TicketApi.Tickets;

/// <summary>What became of a change to an existing ticket.</summary>
public abstract record WriteOutcome
{
    private WriteOutcome() { }

    public sealed record Done(TicketEntity? Ticket) : WriteOutcome;
    public sealed record NotFound : WriteOutcome;
    public sealed record PreconditionFailed(long CurrentVersion) : WriteOutcome;
    public sealed record TransitionRefused(TicketStatus From, TicketStatus To) : WriteOutcome;
    public sealed record Contended : WriteOutcome;
}
