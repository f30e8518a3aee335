using System.ClientModel.Primitives;

namespace TicketApi.Ai;

/// <summary>
/// Azure's classic endpoint authenticates keys with the <c>api-key</c> header. The SDK's key credential
/// writes <c>Authorization: Bearer</c>; this policy runs just before the transport and moves the key over,
/// so no experimental SDK constructor is needed.
/// </summary>
internal sealed class AzureApiKeyPolicy(string key) : RequestEditingPolicy
{
    protected override void Edit(PipelineRequest request)
    {
        request.Headers.Remove("Authorization");
        request.Headers.Set("api-key", key);
    }
}
