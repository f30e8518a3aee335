using System.ClientModel.Primitives;

namespace AgentHost.Chat.Providers;

/// <summary>
/// Azure's classic endpoint authenticates keys with the <c>api-key</c> header. The SDK's key credential
/// writes <c>Authorization: Bearer</c>; this policy runs just before the transport and moves the key over,
/// so no experimental SDK constructor is needed.
/// </summary>
internal sealed class AzureApiKeyPolicy(string key) : PipelinePolicy
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
        message.Request.Headers.Remove("Authorization");
        message.Request.Headers.Set("api-key", key);
    }
}
