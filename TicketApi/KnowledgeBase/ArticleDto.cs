using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using TicketApi.Contracts;

namespace TicketApi.KnowledgeBase;

/// <summary>
/// A knowledge-base article as the REST API shows it (docs/knowledge-base.md). <c>internal_notes</c> are for
/// staff: the API is a staff API, and nothing that reaches a requester may carry them.
/// </summary>
public sealed record ArticleDto(
    [property: Description("Server-assigned identifier (read-only).")] long Id,
    [property: Description("Stable name, lower-case words joined by hyphens; unique.")] string Slug,
    [property: Description("Short summary, 1-255 characters.")] string Title,
    [property: Description("ACCOUNT, NETWORK, EMAIL, HARDWARE, SOFTWARE, BILLING or OTHER.")] string Category,
    [property: Description("Up to 20 tags of up to 40 characters.")] IReadOnlyList<string> Tags,
    [property: Description("Customer-safe steps, markdown, 1-50,000 characters.")] string Body,
    [property: Description("For staff only, never sent to a requester; up to 50,000 characters.")]
    [property: JsonPropertyName("internal_notes")] string InternalNotes,
    [property: Description("When the article was created, UTC (read-only).")]
    [property: JsonConverter(typeof(UtcTimestampJsonConverter))] DateTime Created,
    [property: Description("When the article last changed, UTC (read-only).")]
    [property: JsonConverter(typeof(UtcTimestampJsonConverter))] DateTime Updated);

/// <summary>One page of articles, in the same Django REST Framework shape as tickets.</summary>
public sealed record ArticlePage(long Count, string? Next, string? Previous, IReadOnlyList<ArticleDto> Results);

/// <summary>Source-generated JSON for the article contracts, as <see cref="TicketJsonContext"/> is for tickets.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ArticleDto))]
[JsonSerializable(typeof(ArticlePage))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
public sealed partial class ArticleJsonContext : JsonSerializerContext;
