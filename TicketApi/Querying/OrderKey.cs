namespace TicketApi.Querying;

/// <summary>One ordering field, as in <c>ordering=-created,title</c>.</summary>
public sealed record OrderKey(string Field, bool Descending);
