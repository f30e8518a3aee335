using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TicketApi.OpenApi;

/// <summary>
/// What endpoint metadata cannot say about the ticket operations (docs/rest-api.md): each write's own body
/// schema, the integer path id, the ETag/Location/If-Match/If-None-Match headers, which problem schema each
/// error status carries, and an example on every request so Swagger UI's "Try it out" works as shown.
/// </summary>
public sealed class TicketOperations : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var document = context.Document!;
        switch (operation.OperationId)
        {
            case "ListTickets":
                Respond(operation, "200", "A page of tickets.", example: ExamplePage());
                break;
            case "CreateTicket":
                Body(operation, TicketSchemas.CreateRequest, document, new JsonObject
                {
                    ["title"] = "Email outage",
                    ["description"] = "Outbound mail has been failing since 9am UTC.",
                    ["priority"] = "HIGH",
                    ["requester_name"] = "Dana Whitfield",
                    ["requester_email"] = "dana@example.com",
                });
                Respond(operation, "201", "Created; Location names the new ticket.", example: TicketSchemas.ExampleTicket(), ETag(), Location());
                break;
            case "GetTicket":
                Id(operation);
                // No example: "Try it out" would send it and get an empty 304 instead of the ticket.
                Header(operation, "If-None-Match", "An ETag the client holds: when it is still current the answer is 304 with no body (weak comparison).", example: null);
                Respond(operation, "200", "The ticket.", example: TicketSchemas.ExampleTicket(), ETag());
                Respond(operation, "304", "Not modified: the If-None-Match ETag is current.", example: null, ETag());
                break;
            case "ReplaceTicket":
                Id(operation);
                IfMatch(operation);
                Body(operation, TicketSchemas.ReplaceRequest, document, new JsonObject
                {
                    ["title"] = "Email outage",
                    ["description"] = "Outbound mail has been failing since 9am UTC.",
                    ["resolution_status"] = "RESOLVED",
                });
                Respond(operation, "200", "The ticket as replaced.", example: TicketSchemas.ExampleTicket(), ETag());
                break;
            case "PatchTicket":
                Id(operation);
                IfMatch(operation);
                Body(operation, TicketSchemas.PatchRequest, document, new JsonObject { ["resolution_status"] = "RESOLVED" });
                Respond(operation, "200", "The ticket as changed.", example: TicketSchemas.ExampleTicket(), ETag());
                break;
            case "TriageTicket":
                Id(operation);
                Respond(operation, "200", "The ticket, triaged again now; priority and category a person set are kept.", example: TicketSchemas.ExampleTicket(), ETag());
                break;
            case "TriageTickets":
                Respond(operation, "200", "How many tickets the filters selected (all triaged again) and how many of them changed (new version and updated).",
                    example: new JsonObject { ["triaged"] = 120, ["changed"] = 37 });
                break;
            case "DeleteTicket":
                Id(operation);
                IfMatch(operation);
                Respond(operation, "204", "Deleted.", example: null);
                break;
            default:
                return Task.CompletedTask;
        }
        ProblemSchemas(operation, document);
        return Task.CompletedTask;
    }

    internal static void Id(OpenApiOperation operation)
    {
        var id = operation.Parameters?.OfType<OpenApiParameter>().FirstOrDefault(p => p.Name == "id" && p.In == ParameterLocation.Path);
        if (id is null)
        {
            return;
        }
        id.Description = "The ticket's id. Anything that is not a positive whole number names no ticket (404).";
        id.Schema = TicketSchemas.IdSchema("Ticket id.");
        id.Example = 1;
    }

    private static void IfMatch(OpenApiOperation operation) =>
        Header(operation, "If-Match",
            "Write only if the ticket still has this ETag (strong comparison), or * for any version; otherwise 412. A header that is not a list of entity tags is 400.",
            example: null);

    private static void Header(OpenApiOperation operation, string name, string description, string? example)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = name,
            In = ParameterLocation.Header,
            Required = false,
            Description = description,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            Example = example is null ? null : JsonValue.Create(example),
        });
    }

    internal static void Body(OpenApiOperation operation, string schema, OpenApiDocument document, JsonObject example) =>
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "JSON (application/json or any +json type); at most 256 KiB.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = TicketSchemas.Ref(document, schema), Example = example },
            },
        };

    internal static void Respond(OpenApiOperation operation, string status, string description, JsonNode? example, params (string Name, OpenApiHeader Header)[] headers)
    {
        operation.Responses ??= [];
        if (!operation.Responses.TryGetValue(status, out var existing) || existing is not OpenApiResponse response)
        {
            response = new OpenApiResponse();
            operation.Responses[status] = response;
        }
        response.Description = description;
        if (example is not null && response.Content?.TryGetValue("application/json", out var media) == true)
        {
            media.Example = example;
        }
        if (headers.Length > 0)
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            foreach (var (name, header) in headers)
            {
                response.Headers[name] = header;
            }
        }
    }

    private static (string, OpenApiHeader) ETag() => ("ETag", new OpenApiHeader
    {
        Description = "Strong entity tag of the ticket's version; send it back in If-Match to write safely.",
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        Example = "\"1\"",
    });

    private static (string, OpenApiHeader) Location() => ("Location", new OpenApiHeader
    {
        Description = "Path of the new ticket, /api/tickets/{id}/.",
        Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference" },
        Example = "/api/tickets/1/",
    });

    /// <summary>Each error status with the problem schema the code really sends for it.</summary>
    internal static void ProblemSchemas(OpenApiOperation operation, OpenApiDocument document) =>
        ProblemSchemas(operation, document, ProblemDescriptions, conflictSchema: TicketSchemas.TransitionProblem);

    /// <summary>
    /// Each error status of a resource's operation with the problem schema sent for it and the resource's own
    /// words for it; a 409 is <paramref name="conflictSchema"/> (tickets add the allowed transitions, others do not).
    /// </summary>
    internal static void ProblemSchemas(OpenApiOperation operation, OpenApiDocument document,
        IReadOnlyDictionary<string, string> descriptions, string conflictSchema)
    {
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response is not OpenApiResponse { Content: { } content } || !content.TryGetValue("application/problem+json", out var media))
            {
                continue;
            }
            media.Schema = TicketSchemas.Ref(document, status switch
            {
                "409" => conflictSchema,
                "412" => TicketSchemas.PreconditionProblem,
                "422" => TicketSchemas.ValidationProblem,
                _ => TicketSchemas.Problem,
            });
            response.Description = descriptions.TryGetValue(status, out var text) ? text : response.Description;
        }
    }

    private static readonly Dictionary<string, string> ProblemDescriptions = new()
    {
        ["400"] = "Bad request: malformed JSON, wrong types, missing or unknown fields (field errors under errors), a bad query parameter, or an unparsable If-Match.",
        ["404"] = "No ticket with this id, or a page past the last one.",
        ["409"] = "The status change is not allowed from the current status (allowed_transitions says what is), or too many concurrent writes.",
        ["412"] = "If-Match does not match the ticket's current ETag (current_etag).",
        ["413"] = "The body is larger than 256 KiB.",
        ["415"] = "The body is not JSON.",
        ["422"] = "A field value the ticket cannot take: blank or too long title, too long description, unknown status, priority or category, too long requester name, malformed requester email.",
    };

    private static JsonObject ExamplePage() => new()
    {
        ["count"] = 1,
        ["next"] = null,
        ["previous"] = null,
        ["results"] = new JsonArray(TicketSchemas.ExampleTicket()),
    };
}
