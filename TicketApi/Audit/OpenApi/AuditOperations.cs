using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using TicketApi.Contracts;
using TicketApi.OpenApi;
using TicketApi.Querying;

namespace TicketApi.Audit.OpenApi;

/// <summary>
/// What endpoint metadata cannot say about the audit operations (docs/accounts.md, "Audit"): their query parameters
/// (read from the raw query string), the path id's example, the pages' examples and the problem schemas.
/// </summary>
public sealed class AuditOperations : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, string> ProblemDescriptions = new()
    {
        ["400"] = "A bad query parameter: unknown, given twice, or a value it cannot take (errors names each).",
        ["404"] = "No ticket with this id (a deleted ticket's rows stay in /api/audit/), or a page past the last one.",
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        switch (operation.OperationId)
        {
            case "TicketHistory":
                TicketOperations.Id(operation);
                Query(operation, TicketQueryParameters.Page.Name, TicketQueryParameters.Page.Description, Integer());
                Query(operation, TicketQueryParameters.PageSize.Name, TicketQueryParameters.PageSize.Description, Integer());
                TicketOperations.Respond(operation, "200", "A page of the ticket's history, oldest first.", ExamplePage());
                break;
            case "ListAudit":
                Query(operation, TicketQueryParameters.Page.Name, TicketQueryParameters.Page.Description, Integer());
                Query(operation, TicketQueryParameters.PageSize.Name, TicketQueryParameters.PageSize.Description, Integer());
                Query(operation, AuditQuery.Keys.Actor, "Only changes by this person (their account id; local for local mode's admin, system for background work).",
                    new OpenApiSchema { Type = JsonSchemaType.String });
                Query(operation, AuditQuery.Keys.Channel, "Only changes made through this channel.", Enum(TicketMessageChannels.All));
                Query(operation, AuditQuery.Keys.Action, "Only changes of this kind.", Enum(AuditQuery.Actions));
                Query(operation, AuditQuery.Keys.Ticket, "Only changes to this ticket (deleted ones included).",
                    new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Minimum = "1" });
                Query(operation, AuditQuery.Keys.Since, "Changes at or after this ISO 8601 date or date-time (UTC unless it names an offset).",
                    new OpenApiSchema { Type = JsonSchemaType.String });
                Query(operation, AuditQuery.Keys.Until, "Changes before this ISO 8601 date or date-time (exclusive).", new OpenApiSchema { Type = JsonSchemaType.String });
                TicketOperations.Respond(operation, "200", "A page of the audit trail, newest first.", ExamplePage());
                break;
            default:
                return Task.CompletedTask;
        }
        TicketOperations.ProblemSchemas(operation, context.Document!, ProblemDescriptions, conflictSchema: TicketSchemas.Problem);
        return Task.CompletedTask;
    }

    private static OpenApiSchema Integer() => new() { Type = JsonSchemaType.Integer, Minimum = "1" };

    private static OpenApiSchema Enum(IEnumerable<string> values) =>
        new() { Type = JsonSchemaType.String, Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v)!)] };

    private static void Query(OpenApiOperation operation, string name, string description, IOpenApiSchema schema)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter { Name = name, In = ParameterLocation.Query, Required = false, Description = description, Schema = schema });
    }

    private static JsonObject ExamplePage() => new()
    {
        ["count"] = 1,
        ["next"] = null,
        ["previous"] = null,
        ["results"] = new JsonArray(new JsonObject
        {
            ["id"] = 41,
            ["at"] = "2025-01-08T14:20:22.123456Z",
            ["actor"] = new JsonObject { ["id"] = "6f1c2a9e-4b8d-4f6c-9a1e-3b7d2c6f8a10", ["name"] = "sam@example.com", ["key_id"] = null },
            ["channel"] = "chat",
            ["tool"] = "set_ticket_status",
            ["ticket_id"] = 1,
            ["action"] = "status_changed",
            ["changes"] = new JsonArray(
                new JsonObject { ["field"] = "resolution_status", ["old"] = "OPEN", ["new"] = "RESOLVED" },
                new JsonObject { ["field"] = "resolved_at", ["old"] = null, ["new"] = "2025-01-08T14:20:22.123456Z" }),
        }),
    };
}
