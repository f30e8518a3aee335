namespace TicketApi.Data;

/// <summary>A row id the full-text index matched; lets EF count matches without touching the tickets table.</summary>
public sealed class SearchHit
{
    public long Id { get; set; }
}
