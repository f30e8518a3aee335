using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using TicketApi.Http;
using TicketApi.Mail.Http;
using TicketApi.OpenApi;

namespace TicketApi.Mail.OpenApi;

/// <summary>What endpoint metadata cannot say about <c>GET /api/outbox/</c>: its query parameters (read from the raw query string), an example, the problem schemas.</summary>
public sealed class OutboxOperations : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, string> ProblemDescriptions = new()
    {
        ["400"] = "A bad query parameter: unknown, given twice, or a value it cannot take (errors names each).",
        ["404"] = "A page past the last one.",
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        if (operation.OperationId != "ListOutbox")
        {
            return Task.CompletedTask;
        }
        var document = context.Document!;
        operation.Parameters ??= [];
        void Add(string name, string description, IOpenApiSchema schema) => operation.Parameters.Add(new OpenApiParameter
        {
            Name = name, In = ParameterLocation.Query, Required = false, Description = description, Schema = schema,
        });
        Add(SmallListQuery.PageName, "Page number, from 1.", new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1" });
        Add(SmallListQuery.PageSizeName, $"Mails per page (default {SmallListQuery.DefaultPageSize}, at most {OutboxQuery.MaxPageSize}).",
            new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1" });
        Add(OutboxQuery.StatusName, "Only mail in this status.", new OpenApiSchema
        {
            Type = JsonSchemaType.String, Enum = [.. OutboxMailStatuses.All.Select(s => (JsonNode)JsonValue.Create(s)!)],
        });
        Add(OutboxQuery.TicketIdName, "Only mail about this ticket.", new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Minimum = "1" });
        TicketOperations.Respond(operation, "200", "A page of outbound mail, newest first.",
            new JsonObject { ["count"] = 1, ["next"] = null, ["previous"] = null, ["results"] = new JsonArray(OutboxSchemas.ExampleMail()) });
        TicketOperations.ProblemSchemas(operation, document, ProblemDescriptions, conflictSchema: TicketSchemas.Problem);
        return Task.CompletedTask;
    }
}
