using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TicketApi.Analytics;

/// <summary>Every figure for one period (docs/analytics.md): what <c>GET /api/analytics/</c> answers.</summary>
public sealed record AnalyticsReport(
    [property: Description("First day of the period (UTC, inclusive).")] DateOnly From,
    [property: Description("Last day of the period (UTC, inclusive).")] DateOnly To,
    [property: Description("Totals over the period.")] AnalyticsTotals Totals,
    [property: Description("Each day of the period, oldest first, zeros included.")] IReadOnlyList<AnalyticsDay> Days,
    [property: Description("The tickets as they are now, whatever the period.")] AnalyticsBacklog Backlog,
    [property: Description("Tickets created in the period per channel they were filed through (every channel named, zeros included).")]
    IReadOnlyDictionary<string, long> Channels,
    [property: Description("Tickets created in the period, per their current sentiment.")] IReadOnlyDictionary<string, long> Sentiment,
    [property: Description("Time from creation to the first reply, over tickets created in the period that have one.")] [property: JsonPropertyName("first_response")] AnalyticsDuration FirstResponse,
    [property: Description("Time from creation to resolved_at, over tickets created in the period that have one.")] AnalyticsDuration Resolution,
    [property: Description("Ratings given in the period.")] AnalyticsCsat Csat);

public sealed record AnalyticsTotals(
    [property: Description("Tickets created in the period that still exist.")] long Created,
    [property: Description("Moves to RESOLVED made in the period (a ticket resolved, reopened and resolved again counts twice).")] long Resolved,
    [property: Description("Self-service resolutions in the period: the assistant's self-service notes (docs/analytics.md, \"Self-service\").")] [property: JsonPropertyName("self_service_resolutions")] long SelfServiceResolutions);

public sealed record AnalyticsDay(
    DateOnly Date,
    long Created,
    long Resolved,
    [property: JsonPropertyName("self_service_resolutions")] long SelfServiceResolutions,
    [property: Description("Tickets created that day per current sentiment (NEGATIVE, NEUTRAL, POSITIVE).")] IReadOnlyDictionary<string, long> Sentiment);

public sealed record AnalyticsBacklog(
    [property: Description("Every ticket per status.")] [property: JsonPropertyName("by_status")] IReadOnlyDictionary<string, long> ByStatus,
    [property: Description("OPEN tickets per category.")] [property: JsonPropertyName("open_by_category")] IReadOnlyDictionary<string, long> OpenByCategory,
    [property: Description("OPEN tickets per priority.")] [property: JsonPropertyName("open_by_priority")] IReadOnlyDictionary<string, long> OpenByPriority);

public sealed record AnalyticsDuration(
    [property: Description("How many tickets the median is taken over.")] long Count,
    [property: Description("The median in seconds from histogram buckets (within a factor of 1.0905 above one minute; 30 for under a minute); null when Count is 0.")]
    [property: JsonPropertyName("median_seconds")] double? MedianSeconds);

public sealed record AnalyticsCsat(
    long Count,
    [property: Description("Mean score, rounded to 2 decimals; null when no rating was given.")] double? Average,
    [property: Description("How many ratings of each score, \"1\" to \"5\".")] IReadOnlyDictionary<string, long> Distribution);

/// <summary>Source-generated snake_case JSON for the analytics document.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(AnalyticsReport))]
[JsonSerializable(typeof(AnalyticsRebuilt))]
public sealed partial class AnalyticsJsonContext : JsonSerializerContext;

/// <summary>The answer of a rebuild.</summary>
public sealed record AnalyticsRebuilt([property: Description("Tickets counted.")] long Tickets);
