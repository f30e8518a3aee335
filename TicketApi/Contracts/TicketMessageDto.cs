using System.ComponentModel;
using System.Text.Json.Serialization;

namespace TicketApi.Contracts;

/// <summary>One entry of a ticket's conversation thread (docs/rest-api.md, "Conversation thread").</summary>
public sealed record TicketMessageDto(
    [property: Description("Server-assigned identifier (read-only).")] long Id,
    [property: Description("The ticket this message belongs to (read-only).")]
    [property: JsonPropertyName("ticket_id")] long TicketId,
    [property: Description("customer (from the requester), reply (public answer) or note (internal, never shown to the requester).")]
    string Kind,
    [property: Description("Display name of who wrote it; null when not given.")] string? Author,
    [property: Description("The text, 1-20,000 characters.")] string Body,
    [property: Description("When it was added, UTC (read-only).")]
    [property: JsonConverter(typeof(UtcTimestampJsonConverter))] DateTime Created,
    [property: Description("Where it came from: rest, chat, mcp, web, email or system (read-only).")] string Channel);

/// <summary>One page of a thread, oldest first, in the same envelope as <see cref="TicketPage"/>.</summary>
public sealed record TicketMessagePage(long Count, string? Next, string? Previous, IReadOnlyList<TicketMessageDto> Results);

/// <summary>A message to add to a thread; <see cref="Channel"/> is set by the face it arrived through, never by the body.</summary>
public sealed record NewTicketMessage(string Kind, string Body, string? Author = null, string Channel = TicketMessageChannels.Rest);

/// <summary>The message kinds of a thread; anything else is refused with a 422 naming these.</summary>
public static class TicketMessageKinds
{
    public const string Customer = "customer";
    public const string Reply = "reply";
    public const string Note = "note";

    public static IReadOnlyList<string> All { get; } = [Customer, Reply, Note];
}

/// <summary>Where a message came from.</summary>
public static class TicketMessageChannels
{
    public const string Rest = "rest";
    public const string Chat = "chat";
    public const string Mcp = "mcp";
    public const string Web = "web";
    public const string Email = "email";

    /// <summary>A ticket or message mirrored from Freshdesk (docs/channels.md, "Freshdesk connector").</summary>
    public const string Freshdesk = "freshdesk";
    public const string System = "system";

    public static IReadOnlyList<string> All { get; } = [Rest, Chat, Mcp, Web, Email, Freshdesk, System];
}
