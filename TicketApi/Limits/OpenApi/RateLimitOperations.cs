using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;
using TicketApi.OpenApi;

namespace TicketApi.Limits.OpenApi;

/// <summary>
/// The 429 of the rate limits (docs/accounts.md, "Limits") on every operation a limit applies to: the writes the global
/// limiter counts (<see cref="RateLimits.IsWrite"/>) and the routes that name a policy (chat turns, model calls), with
/// the <c>Retry-After</c> header it comes with.
/// </summary>
public sealed class RateLimitOperations : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var description = context.Description;
        var path = "/" + (description.RelativePath?.Split('?')[0] ?? "");
        var method = description.HttpMethod ?? "";
        var write = (HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method))
            && (path.StartsWith("/api/", StringComparison.Ordinal) || path.StartsWith(Ratings.RatingLinks.PagePath + "/", StringComparison.Ordinal))
            && !path.StartsWith(Accounts.AccountsExtensions.BasePath + "/", StringComparison.Ordinal);
        var named = description.ActionDescriptor.EndpointMetadata.OfType<EnableRateLimitingAttribute>().Any();
        if (!write && !named)
        {
            return Task.CompletedTask;
        }
        operation.Responses ??= [];
        operation.Responses["429"] = new OpenApiResponse
        {
            Description = "Too many requests of this kind from this key, person or address; try again after Retry-After seconds (also in retry_after).",
            Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Retry-After"] = new OpenApiHeader
                {
                    Description = "Whole seconds to wait, at least 1.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1" },
                },
            },
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = TicketSchemas.Ref(context.Document!, TicketSchemas.Problem) },
            },
        };
        return Task.CompletedTask;
    }
}
