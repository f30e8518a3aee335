using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using TicketApi.Accounts;
using TicketApi.Http;

namespace TicketApi.Events;

/// <summary>
/// The live events (docs/accounts.md, "Live events").
/// <code>
///   GET /api/events   text/event-stream, from Last-Event-ID (or ?last_event_id=) on | 400 bad id
/// </code>
/// In the OpenAPI document as a <c>text/event-stream</c> answer (<see cref="OpenApi.EventOperations"/>): the frames
/// themselves are text, described by docs/accounts.md, not a schema; the conformance run provokes the 400 and leaves
/// the unending 200 to EventStreamTests.
/// </summary>
public static class EventEndpoints
{
    public const string Path = "/api/events";
    public const string LastEventIdQuery = "last_event_id";

    public static IEndpointRouteBuilder MapTicketEvents(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, Stream).WithName("StreamTicketEvents").WithTags("Events").RequireAccess(Access.Read)
            .WithSummary("Stream ticket events as they commit (Server-Sent Events), from Last-Event-ID on; never ends while the client stays.")
            // A type is needed for the document to show the media type; the body is the SSE text itself.
            .Produces<string>(StatusCodes.Status200OK, "text/event-stream")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }

    /// <summary>
    /// The header a reconnecting EventSource sends wins over the query (which is for a first connection, or a
    /// client that cannot set headers); an empty value means none, as EventSource sends after an empty <c>id:</c>.
    /// </summary>
    public static Results<EventStreamResult, ProblemHttpResult> Stream(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var header = context.Request.Headers["Last-Event-ID"].ToString();
        var query = context.Request.Query[LastEventIdQuery].ToString();
        var given = header.Length > 0 ? header : query;
        long? after = null;
        if (given.Length > 0)
        {
            if (!long.TryParse(given, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return TicketProblems.Fields(StatusCodes.Status400BadRequest, "The last event id is not an event id.",
                    new Dictionary<string, string[]>
                    {
                        [header.Length > 0 ? "Last-Event-ID" : LastEventIdQuery] = [$"'{given}' is not an event id (a whole number of 0 or more)."],
                    });
            }
            after = id;
        }
        return new EventStreamResult(ActingContext.Actor, after);
    }
}
