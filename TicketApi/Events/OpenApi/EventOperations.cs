using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using TicketApi.OpenApi;

namespace TicketApi.Events.OpenApi;

/// <summary>
/// <c>GET /api/events</c> in the document (docs/accounts.md, "Live events"): where it resumes from (the
/// <c>Last-Event-ID</c> header EventSource sends, or the query for clients that cannot set headers), what the stream
/// holds, and the problem schemas.
/// </summary>
public sealed class EventOperations : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        if (operation.OperationId != "StreamTicketEvents")
        {
            return Task.CompletedTask;
        }
        var id = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^[0-9]+$", Examples = ["42"] };
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "Last-Event-ID", In = ParameterLocation.Header, Required = false, Schema = id,
            Description = "Start after this event (what EventSource sends when it reconnects); wins over last_event_id. Without either, the stream starts with the next event.",
        });
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = EventEndpoints.LastEventIdQuery, In = ParameterLocation.Query, Required = false, Schema = id,
            Description = "Start after this event, for clients that cannot set headers.",
        });
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response is not OpenApiResponse concrete)
            {
                continue;
            }
            concrete.Description = status switch
            {
                "200" => "Frames as they commit: id, event (ticket.created, ticket.updated, ticket.status_changed, ticket.deleted, message.created, " +
                    "draft.ready, rating.created, or events.missed) and one line of JSON data; a heartbeat comment after 15 s without frames. " +
                    "A requester sees only their own tickets' events.",
                "400" => "The last event id is not a whole number of 0 or more (errors names the header or parameter).",
                "401" => "No credential where one is needed, or a bad or expired one (WWW-Authenticate: Bearer).",
                _ => concrete.Description,
            };
            if (concrete.Content?.TryGetValue("application/problem+json", out var problem) == true)
            {
                problem.Schema = TicketSchemas.Ref(context.Document!, status == "400" ? TicketSchemas.ValidationProblem : TicketSchemas.Problem);
            }
        }
        return Task.CompletedTask;
    }
}
