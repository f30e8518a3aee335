using System.ClientModel.Primitives;

namespace AgentHost.Chat.Providers;

/// <summary>Adds one query parameter (Azure's classic <c>api-version</c>) to every request of the pipeline.</summary>
internal sealed class QueryParameterPolicy(string name, string value) : PipelinePolicy
{
    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Apply(message);
        ProcessNext(message, pipeline, currentIndex);
    }

    public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Apply(message);
        return ProcessNextAsync(message, pipeline, currentIndex);
    }

    private void Apply(PipelineMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var uri = message.Request.Uri!;
        var pair = $"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}";
        var query = uri.Query.TrimStart('?');
        if (query.Split('&').Any(p => p.StartsWith(Uri.EscapeDataString(name) + "=", StringComparison.Ordinal)))
        {
            return; // a retry passes through again: add it once
        }

        message.Request.Uri = new UriBuilder(uri) { Query = query.Length == 0 ? pair : $"{query}&{pair}" }.Uri;
    }
}
