using System.ComponentModel;
using System.Text.Json.Serialization;
using TicketApi.Contracts;

namespace TicketApi.Ratings;

/// <summary>The requester's satisfaction rating of a resolved ticket, as the API shows it (docs/accounts.md, "Satisfaction").</summary>
public sealed record TicketRating(
    [property: Description("1 (very unhappy) to 5 (very happy).")]
    [property: JsonPropertyName("score")] int Score,
    [property: Description("What the requester wrote with it; null when nothing.")]
    [property: JsonPropertyName("comment")] string? Comment,
    [property: Description("When it was given, UTC.")]
    [property: JsonPropertyName("rated_at")]
    [property: JsonConverter(typeof(UtcTimestampJsonConverter))] DateTime RatedAt);
