using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AgentHost.Hosting;

/// <summary>
/// Gives the /chat operations a summary in the OpenAPI document when their endpoint metadata has none:
/// readers and linters (Redocly's operation-summary rule) need one, and the chat endpoints' own metadata may
/// set it instead, which this then leaves alone.
/// </summary>
internal sealed class ChatOperationSummaries : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, string> Summaries = new(StringComparer.Ordinal)
    {
        ["ChatGet"] = "Ask the agent (message in the query); the answer streams as Server-Sent Events.",
        ["ChatPost"] = "Ask the agent (JSON body with message and session_id); the answer streams as Server-Sent Events.",
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (string.IsNullOrEmpty(operation.Summary) && operation.OperationId is { } id && Summaries.TryGetValue(id, out var summary))
        {
            operation.Summary = summary;
        }

        return Task.CompletedTask;
    }
}
