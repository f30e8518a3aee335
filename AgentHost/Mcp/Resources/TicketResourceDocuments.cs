using System.Text.Json.Serialization;
using TicketApi.Contracts;
using TicketApi.Drafts;

namespace AgentHost.Mcp.Resources;

/// <summary>
/// The JSON of <c>ticket://{id}</c> (docs/mcp.md, "Resources"): the ticket as <c>get_ticket</c> shows it, its
/// thread oldest first, and the current draft.
/// </summary>
/// <param name="Ticket">The ticket, in the REST contract's shape.</param>
/// <param name="Messages">The thread, oldest first, at most <see cref="TicketResourceReader.MaxThreadMessages"/>.</param>
/// <param name="MessageCount">How many messages the thread holds (more than <paramref name="Messages"/> when cut).</param>
/// <param name="Draft">The current drafted reply (docs/drafts.md, "The draft"), tech instructions included: the
/// resource is for staff. Null when the ticket has none; the property is always there.</param>
public sealed record TicketResourceDocument(
    TicketDto Ticket,
    IReadOnlyList<TicketMessageDto> Messages,
    long MessageCount,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DraftDto? Draft);

/// <summary>
/// The JSON of <c>kb://articles/{id}</c>: the <c>get_article</c> tool's data (docs/tools.md, "Internal notes"),
/// so the two texts are named for who may read them, plus the article's dates.
/// </summary>
public sealed record ArticleResourceDocument(
    long Id,
    string Slug,
    string Title,
    string Category,
    IReadOnlyList<string> Tags,
    [property: JsonPropertyName("customer_safe_steps")] string CustomerSafeSteps,
    [property: JsonPropertyName("internal_notes_staff_only")] string InternalNotesStaffOnly,
    [property: JsonConverter(typeof(UtcTimestampJsonConverter))] DateTime Created,
    [property: JsonConverter(typeof(UtcTimestampJsonConverter))] DateTime Updated);
