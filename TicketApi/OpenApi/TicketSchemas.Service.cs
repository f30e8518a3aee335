using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace TicketApi.OpenApi;

/// <summary>The schemas every host shares beside the ticket's own: the health body and the RFC 9457 problem bodies.</summary>
public sealed partial class TicketSchemas
{
    /// <summary>The health body; host values may be null (an agent host on the offline planner has no model).</summary>
    private static OpenApiSchema HealthSchema()
    {
        var state = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [(JsonNode)"ok", "degraded", "unhealthy"] };
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "Liveness, each check's state, and what the host runs with (no secrets).",
            Required = new HashSet<string> { "status", "checks", "host", "channels" },
            AdditionalPropertiesAllowed = false,
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = state.Enum, Description = "The worst of the checks; unhealthy answers 503." },
                ["checks"] = new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalProperties = state, Description = "Check name (database, ...) -> state." },
                ["host"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                    Description = "The agent host's provider, model and ticket_service; empty in TicketApi.",
                },
                ["channels"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    AdditionalProperties = ChannelStatusSchema(),
                    Description = "Inbound channel (mailbox, freshdesk) -> its last poll; empty when none is configured (docs/channels.md).",
                },
            },
            Examples = [new JsonObject { ["status"] = "ok", ["checks"] = new JsonObject { ["database"] = "ok" }, ["host"] = new JsonObject(), ["channels"] = new JsonObject() }],
        };
    }

    private static OpenApiSchema ChannelStatusSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Required = new HashSet<string> { "state", "last_poll_at", "last_success_at", "last_error", "imported", "ignored" },
        AdditionalPropertiesAllowed = false,
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["state"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [(JsonNode)"starting", "ok", "failing"] },
            ["last_poll_at"] = OptionalTimestamp("When the last poll ended, UTC; null before the first."),
            ["last_success_at"] = OptionalTimestamp("When a poll last succeeded, UTC; null if none has."),
            ["last_error"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "What the last failed poll said; null after a clean one." },
            ["imported"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Minimum = "0", Description = "Items imported since the process started." },
            ["ignored"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Minimum = "0", Description = "Items deliberately not imported since the process started (automatic mail)." },
        },
    };

    /// <summary>RFC 9457 members; further members (traceId, errors, ...) are extensions, so the object stays open.</summary>
    private static OpenApiSchema ProblemSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 9457 problem details.",
        Required = new HashSet<string> { "type", "title", "status" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference", Description = "Identifies the kind of problem." },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Short summary of the kind of problem." },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "400", Maximum = "599", Description = "The HTTP status code." },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "What went wrong with this request, in words." },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference" },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "W3C trace id of the request, for the server's logs." },
            [Errors] = ErrorsSchema(),
        },
    };

    private static OpenApiSchema Extends(OpenApiDocument document, string description, string[] required, Dictionary<string, IOpenApiSchema> properties) => new()
    {
        Description = description,
        AllOf =
        [
            Ref(document, Problem),
            new OpenApiSchema { Type = JsonSchemaType.Object, Required = new HashSet<string>(required), Properties = properties },
        ],
    };

    private static OpenApiSchema ErrorsSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "Field name -> messages.",
        AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
    };
}
