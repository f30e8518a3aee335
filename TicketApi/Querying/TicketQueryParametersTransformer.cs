using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TicketApi.Querying;

/// <summary>
/// Describes the list endpoint's query parameters in the OpenAPI document. They are read from the raw
/// query string (to reject unknown ones), so the framework cannot discover them by itself.
/// </summary>
public sealed class TicketQueryParametersTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.OperationId != "ListTickets")
        {
            return Task.CompletedTask;
        }
        operation.Parameters ??= [];
        foreach (var parameter in TicketQueryParameters.All)
        {
            var schema = new OpenApiSchema { Type = parameter.Type, Format = parameter.Format };
            if (parameter.Enum is { } values)
            {
                schema.Enum = values.Select(v => (System.Text.Json.Nodes.JsonNode)v).ToList();
            }
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = parameter.Name,
                In = ParameterLocation.Query,
                Required = false,
                Description = parameter.Description,
                Schema = schema,
            });
        }
        return Task.CompletedTask;
    }
}
