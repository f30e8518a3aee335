using TicketApi.Contracts;

namespace TicketApi.Conversations;

/// <summary>A row of <c>ticket_messages</c>: one entry of a ticket's thread (docs/storage.md, "Conversation threads").</summary>
public sealed class TicketMessageEntity
{
    public long Id { get; set; }
    public long TicketId { get; set; }
    public string Kind { get; set; } = TicketMessageKinds.Note;
    public string? Author { get; set; }
    public string Body { get; set; } = "";
    public DateTime Created { get; set; }
    public string Channel { get; set; } = TicketMessageChannels.Rest;

    public TicketMessageDto ToDto() => new(Id, TicketId, Kind, Author, Body, Created, Channel);
}
