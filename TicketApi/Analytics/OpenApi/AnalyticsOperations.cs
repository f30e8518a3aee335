using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using TicketApi.OpenApi;

namespace TicketApi.Analytics.OpenApi;

/// <summary>What endpoint metadata cannot say about the analytics operations (docs/analytics.md): the period's query parameters and the problem schema.</summary>
public sealed class AnalyticsOperations : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, string> ProblemDescriptions = new()
    {
        ["400"] = "A bad query parameter: unknown, given twice, not a YYYY-MM-DD date, from after to, or a period over 366 days (errors names each).",
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        if (operation.OperationId != "Analytics")
        {
            return Task.CompletedTask;
        }
        operation.Parameters ??= [];
        operation.Parameters.Add(Date(AnalyticsPeriod.FromKey, $"First UTC day of the period, inclusive (YYYY-MM-DD); default {AnalyticsPeriod.DefaultDays - 1} days before to."));
        operation.Parameters.Add(Date(AnalyticsPeriod.ToKey, "Last UTC day of the period, inclusive (YYYY-MM-DD); default today."));
        TicketOperations.ProblemSchemas(operation, context.Document!, ProblemDescriptions, conflictSchema: TicketSchemas.Problem);
        return Task.CompletedTask;
    }

    private static OpenApiParameter Date(string name, string description) => new()
    {
        Name = name,
        In = ParameterLocation.Query,
        Required = false,
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date" },
    };
}
