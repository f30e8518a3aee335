using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Primitives;
using TicketApi.Accounts;
using TicketApi.Contracts;
using TicketApi.Http;
using TicketApi.Querying;
using TicketApi.Tickets;

namespace TicketApi.Endpoints;

/// <summary>
/// Bulk re-triage (docs/rest-api.md, "Bulk re-triage"): every ticket the list's filters select, triaged again
/// with the offline triager after it changed.
/// <code>
///   POST   /api/tickets/triage/?{filters}   TriageTickets   200 {"triaged": N, "changed": M} | 400
/// </code>
/// </summary>
public static class TicketBulkTriageEndpoints
{
    public static RouteGroupBuilder MapTicketBulkTriageEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(TicketEndpoints.BasePath).WithTags("Tickets");
        group.MapPost("/triage/", TriageMany).WithName("TriageTickets").RequireAccess(Access.StaffWrite).RequireRateLimiting(Limits.RateLimits.Model)
            .WithSummary("Triage every ticket the filters select again (no filter: all); priority and category a person set are kept.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return group;
    }

    /// <summary>
    /// Takes the list's filters only: page, page_size and ordering shape a page, and a re-triage has none, so
    /// they are refused like unknown parameters rather than silently ignored. No body is read.
    /// </summary>
    public static async Task<Results<Ok<BulkTriageResult>, ProblemHttpResult>> TriageMany(
        HttpRequest request, BulkRetriage retriage, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var filters = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        foreach (var (name, value) in request.Query)
        {
            if (FilterNames.Contains(name))
            {
                filters[name] = value;
            }
            else
            {
                errors[name] = [$"Not a filter of a re-triage. Allowed parameters are: {FilterNameList}."];
            }
        }
        var parsed = TicketQueryParser.Parse(new QueryCollection(filters));
        foreach (var (name, messages) in parsed.Errors)
        {
            errors[name] = messages;
        }
        if (errors.Count > 0 || parsed.Query is not { } query)
        {
            return TicketProblems.Fields(StatusCodes.Status400BadRequest, "One or more query parameters are invalid.", errors);
        }
        var outcome = await retriage.RunAsync(query, cancellationToken);
        return TypedResults.Ok(new BulkTriageResult(outcome.Triaged, outcome.Changed));
    }

    private static readonly HashSet<string> FilterNames = TicketQueryParameters.Filters.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

    private static readonly string FilterNameList = string.Join(", ", TicketQueryParameters.Filters.Select(p => p.Name));
}
