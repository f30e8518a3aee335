using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using TicketApi.OpenApi;

namespace TicketApi.Drafts.OpenApi;

/// <summary>
/// What endpoint metadata cannot say about the draft operations (docs/drafts.md, "Drafts over REST"): the
/// bodies with examples, the integer id, ETag and If-Match, the event stream, and what each error means here.
/// </summary>
public sealed class DraftOperations : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, string> ProblemDescriptions = new()
    {
        ["400"] = "Bad request: malformed JSON, wrong types, unknown or missing fields (field errors under errors), a bad query parameter, or an unparsable If-Match.",
        ["404"] = "No ticket with this id, or the ticket has no current draft (detail says which), or a page past the last one.",
        ["409"] = "No current draft to refine or send, the ticket is CLOSED, the draft changed while being refined, or too many concurrent writes.",
        ["412"] = "If-Match or version names a draft version that is no longer current (current_etag).",
        ["413"] = "The body is larger than 256 KiB.",
        ["415"] = "The body is not JSON.",
        ["422"] = "A field value that cannot be taken: blank or too long instruction or reply, too long tech instructions or author.",
        ["503"] = "The draft writer failed or gave an answer that cannot be stored, or no writer or outbox is configured; nothing was stored.",
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var document = context.Document!;
        switch (operation.OperationId)
        {
            case "GetDraft":
                TicketOperations.Id(operation);
                TicketOperations.Respond(operation, "200", "The current draft.", DraftSchemas.ExampleDraft(), ETag());
                break;
            case "WriteDraft":
                TicketOperations.Id(operation);
                OptionalBody(operation, document, DraftSchemas.WriteRequest, new JsonObject { ["instruction"] = null });
                TicketOperations.Respond(operation, "201", "A new current draft (the ticket had none); Location names it.", DraftSchemas.ExampleDraft(), ETag(), Location());
                TicketOperations.Respond(operation, "200",
                    "The new version that replaced the current draft; or, with Accept: text/event-stream, the stream: token frames ({\"delta\": ...}) then one end frame (the stored draft) or error frame (a problem).",
                    DraftSchemas.ExampleDraft(), ETag());
                if (operation.Responses?["200"] is OpenApiResponse { Content: { } content } && content.TryGetValue(Http.DraftEventFrames.MediaType, out var stream))
                {
                    stream.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "WHATWG Server-Sent Events: event: token|end|error, data: JSON." };
                    stream.Example = "event: token\ndata: {\"delta\":\"Hi Dana,\"}\n\nevent: end\ndata: {\"ticket_id\":1,\"version\":1,...}\n\n";
                }
                break;
            case "EditDraft":
                TicketOperations.Id(operation);
                IfMatch(operation);
                TicketOperations.Body(operation, DraftSchemas.EditRequest, document, new JsonObject
                {
                    ["reply"] = "Hi Dana,\n\nPlease update the VPN client to 5.2 and reconnect.",
                    ["tech_instructions"] = "Tunnel MTU 1380 if it drops again.",
                });
                TicketOperations.Respond(operation, "200", "The person's version, now current (edited: true).", DraftSchemas.ExampleDraft(), ETag());
                break;
            case "DiscardDraft":
                TicketOperations.Id(operation);
                IfMatch(operation);
                TicketOperations.Respond(operation, "204", "Discarded; the version stays in the history.", null);
                break;
            case "SendDraft":
                TicketOperations.Id(operation);
                IfMatch(operation);
                OptionalBody(operation, document, DraftSchemas.SendRequest, new JsonObject { ["resolve"] = false, ["author"] = "Sam (support)" });
                TicketOperations.Respond(operation, "201",
                    "Sent: the reply message added to the thread; the draft is SENT and the email queued, in one transaction.", TicketSchemas.ExampleMessage());
                break;
            case "ListDrafts":
                TicketOperations.Id(operation);
                Paging(operation);
                TicketOperations.Respond(operation, "200", "A page of versions, newest first.",
                    new JsonObject { ["count"] = 1, ["next"] = null, ["previous"] = null, ["results"] = new JsonArray(DraftSchemas.ExampleDraft()) });
                break;
            default:
                return Task.CompletedTask;
        }
        TicketOperations.ProblemSchemas(operation, document, ProblemDescriptions, conflictSchema: TicketSchemas.Problem);
        return Task.CompletedTask;
    }

    private static void OptionalBody(OpenApiOperation operation, OpenApiDocument document, string schema, JsonObject example) =>
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = false,
            Description = "JSON (application/json or any +json type), at most 256 KiB; no body at all (no Content-Type) is read as {}.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = TicketSchemas.Ref(document, schema), Example = example },
            },
        };

    private static void IfMatch(OpenApiOperation operation)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "If-Match",
            In = ParameterLocation.Header,
            Required = false,
            Description = "Only if the current draft still has this ETag (its version, strong comparison), or *; otherwise 412. A header that is not a list of entity tags is 400.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
    }

    private static void Paging(OpenApiOperation operation)
    {
        operation.Parameters ??= [];
        foreach (var parameter in new[] { Querying.TicketQueryParameters.Page, Querying.TicketQueryParameters.PageSize })
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = parameter.Name,
                In = ParameterLocation.Query,
                Required = false,
                Description = parameter.Description,
                Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1" },
            });
        }
    }

    private static (string, OpenApiHeader) ETag() => ("ETag", new OpenApiHeader
    {
        Description = "Strong entity tag of the draft's version; send it back in If-Match (or its number as version) to edit or send safely.",
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        Example = "\"3\"",
    });

    private static (string, OpenApiHeader) Location() => ("Location", new OpenApiHeader
    {
        Description = "Path of the ticket's current draft, /api/tickets/{id}/draft.",
        Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference" },
        Example = "/api/tickets/1/draft",
    });
}
