using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

using TicketApi.Querying;

namespace TicketApi.OpenApi;

/// <summary>
/// Describes the list endpoint's query parameters in the OpenAPI document, and the bulk re-triage's (the list's
/// filters only: it has no page or order). They are read from the raw
/// query string (to reject unknown ones), so the framework cannot discover them by itself. The date filters
/// take a bare date (a whole day) or a date-time, so they are documented as exactly that choice.
/// </summary>
public sealed class TicketQueryParametersTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var parameters = operation.OperationId switch
        {
            "ListTickets" => TicketQueryParameters.All,
            "TriageTickets" => TicketQueryParameters.Filters,
            _ => null,
        };
        if (parameters is null)
        {
            return Task.CompletedTask;
        }
        operation.Parameters ??= [];
        foreach (var parameter in parameters)
        {
            var schema = parameter.Format == "date-time" ? DateOrDateTime() : new OpenApiSchema { Type = parameter.Type, Format = parameter.Format };
            if (parameter.Enum is { } values)
            {
                schema.Enum = values.Select(v => (System.Text.Json.Nodes.JsonNode)v).ToList();
            }
            if (parameter.Name is "page" or "page_size")
            {
                schema.Minimum = "1";
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

    private static OpenApiSchema DateOrDateTime() => new()
    {
        OneOf =
        [
            new OpenApiSchema { Type = JsonSchemaType.String, Format = "date", Description = "A day, e.g. 2025-01-08." },
            new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time", Description = "An instant, e.g. 2025-01-08T14:15:22Z." },
        ],
    };
}
