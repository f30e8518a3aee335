using System.Text.Json.Serialization;

namespace TicketApi.Channels.Freshdesk;

/// <summary>A ticket as Freshdesk's v2 list returns it with <c>include=requester,description</c> (the fields the mirror reads).</summary>
public sealed record FreshdeskTicket(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("subject")] string? Subject,
    [property: JsonPropertyName("description_text")] string? DescriptionText,
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("priority")] int Priority,
    [property: JsonPropertyName("requester_id")] long? RequesterId,
    [property: JsonPropertyName("requester")] FreshdeskRequester? Requester,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("updated_at")] DateTimeOffset UpdatedAt);

public sealed record FreshdeskRequester(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("email")] string? Email);

/// <summary>A reply or note on a ticket (GET /api/v2/tickets/{id}/conversations; POST .../reply answers one).</summary>
public sealed record FreshdeskConversation(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("body")] string? Body,
    [property: JsonPropertyName("body_text")] string? BodyText,
    [property: JsonPropertyName("incoming")] bool Incoming,
    [property: JsonPropertyName("private")] bool Private,
    [property: JsonPropertyName("user_id")] long? UserId,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt);

public sealed record FreshdeskReplyRequest([property: JsonPropertyName("body")] string Body);

[JsonSerializable(typeof(List<FreshdeskTicket>))]
[JsonSerializable(typeof(List<FreshdeskConversation>))]
[JsonSerializable(typeof(FreshdeskConversation))]
[JsonSerializable(typeof(FreshdeskReplyRequest))]
internal sealed partial class FreshdeskJsonContext : JsonSerializerContext;
