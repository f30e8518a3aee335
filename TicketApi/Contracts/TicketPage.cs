namespace TicketApi.Contracts;

/// <summary>One page of a list, in the Django REST Framework shape the original system used.</summary>
public sealed record TicketPage(long Count, string? Next, string? Previous, IReadOnlyList<TicketDto> Results);
