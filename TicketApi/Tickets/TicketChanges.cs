using TicketApi.Contracts;

namespace TicketApi.Tickets;

/// <summary>The writable fields a request sets; null means "leave as it is".</summary>
public sealed record TicketChanges(string? Title, string? Description, TicketStatus? Status);
