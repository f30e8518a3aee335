using Microsoft.AspNetCore.Http.HttpResults;
using TicketApi.Accounts;
using TicketApi.Http;

namespace TicketApi.Analytics;

/// <summary>
/// Analytics over REST (docs/analytics.md).
/// <code>
///   GET  /api/analytics/           Analytics          200 | 400 bad, reversed or too long period   agents and admins (HEAD too)
///   POST /api/analytics/rebuild    RebuildAnalytics   200                                        admins
/// </code>
/// </summary>
public static class AnalyticsEndpoints
{
    public const string BasePath = "/api/analytics";

    public static IEndpointRouteBuilder MapAnalyticsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(BasePath).WithTags("Analytics");
        group.MapGetAndHead("/", Read).WithName("Analytics").RequireAccess(Access.StaffRead)
            .WithSummary("Every figure for a period of UTC days: created and resolved per day, backlog by status, category and priority, channels, sentiment, median first response and resolution times, CSAT, self-service resolutions.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapPost("/rebuild", Rebuild).WithName("RebuildAnalytics").RequireAccess(Access.Admin)
            .WithSummary("Recount the analytics counters from the tickets and the audit trail (after tickets were loaded into the database directly).");
        return app;
    }

    public static async Task<Results<Ok<AnalyticsReport>, ProblemHttpResult>> Read(
        HttpRequest request, AnalyticsStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(clock);
        var (period, errors) = AnalyticsPeriod.Parse(request.Query, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (period is null)
        {
            return TicketProblems.Fields(StatusCodes.Status400BadRequest, "One or more query parameters are invalid.", errors);
        }
        return TypedResults.Ok(await store.ReadAsync(period, cancellationToken));
    }

    public static async Task<Ok<AnalyticsRebuilt>> Rebuild(AnalyticsRebuild rebuild, CancellationToken cancellationToken) =>
        TypedResults.Ok(new AnalyticsRebuilt(await rebuild.RunAsync(cancellationToken)));
}
