using TicketApi.Contracts;

namespace TicketApi.Data;

/// <summary>A row of the <c>tickets</c> table. <see cref="Version"/> is the concurrency token behind ETags.</summary>
public sealed class TicketEntity
{
    public long Id { get; set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public DateTime Created { get; set; }
    public DateTime Updated { get; set; }
    public TicketStatus ResolutionStatus { get; set; }
    public long Version { get; set; } = 1;

    public TicketDto ToDto() => new(Id, Title, Description, Created, Updated, ResolutionStatus);
}
