using TicketApi.Contracts;

namespace TicketApi.Tickets;

/// <summary>
/// The writable fields a request sets; null means "leave as it is". <see cref="RequesterName"/> and
/// <see cref="RequesterEmail"/> take "" to clear them (a body may not hold null).
/// </summary>
public sealed record TicketChanges(
    string? Title,
    string? Description,
    TicketStatus? Status,
    string? Priority = null,
    string? Category = null,
    string? RequesterName = null,
    string? RequesterEmail = null);
