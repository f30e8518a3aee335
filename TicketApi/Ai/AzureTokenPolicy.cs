using System.ClientModel.Primitives;
using Azure.Core;

namespace TicketApi.Ai;

/// <summary>
/// Keyless Azure OpenAI: a Microsoft Entra token (managed identity, Azure CLI login, ...) as the bearer,
/// fetched per request from the credential, which caches and refreshes it. Runs just before the transport so
/// it replaces the placeholder key the SDK's constructor needs.
/// </summary>
internal sealed class AzureTokenPolicy(TokenCredential credential) : PipelinePolicy
{
    private static readonly TokenRequestContext Scope = new(["https://cognitiveservices.azure.com/.default"]);

    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        ArgumentNullException.ThrowIfNull(message);
        var token = credential.GetToken(Scope, message.CancellationToken);
        message.Request.Headers.Set("Authorization", "Bearer " + token.Token);
        ProcessNext(message, pipeline, currentIndex);
    }

    public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        ArgumentNullException.ThrowIfNull(message);
        var token = await credential.GetTokenAsync(Scope, message.CancellationToken);
        message.Request.Headers.Set("Authorization", "Bearer " + token.Token);
        await ProcessNextAsync(message, pipeline, currentIndex);
    }
}
