using System.ClientModel;
using System.ClientModel.Primitives;
using OpenAI;
using OpenAI.Chat;

namespace TicketApi.Ai;

/// <summary>
/// Builds the OpenAI SDK's <see cref="ChatClient"/> for each provider mode. One SDK code path for all:
/// only the endpoint and the authentication differ.
/// </summary>
public static class OpenAIChatClientFactory
{
    public static ChatClient Create(ChatProviderSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var options = new OpenAIClientOptions
        {
            NetworkTimeout = settings.NetworkTimeout,
            RetryPolicy = new ClientRetryPolicy(settings.MaxRetries),
            UserAgentApplicationId = "AgentTickets",
        };

        switch (settings.Kind)
        {
            case ChatProviderKind.OpenAI:
                if (settings.Endpoint is not null)
                {
                    options.Endpoint = settings.Endpoint;
                }

                // OpenAI-compatible local servers ignore the key but the SDK wants one.
                return new ChatClient(settings.Model, new ApiKeyCredential(settings.ApiKey ?? "unused"), options);

            case ChatProviderKind.AzureOpenAIV1:
                // The v1 endpoint takes the key as a bearer token, like OpenAI; the model is the deployment name.
                options.Endpoint = AzureV1Endpoint(settings.Endpoint!);
                AddKeylessAuthentication(settings, options);
                return new ChatClient(settings.Model, new ApiKeyCredential(settings.ApiKey ?? KeylessPlaceholder), options);

            case ChatProviderKind.AzureOpenAIClassic:
                // The SDK appends "/chat/completions" to the endpoint; the deployment path goes in front and
                // api-version is added to every request's query.
                options.Endpoint = new Uri(AzureRoot(settings.Endpoint!), $"openai/deployments/{Uri.EscapeDataString(settings.Model!)}");
                options.AddPolicy(new QueryParameterPolicy("api-version", settings.ApiVersion!), PipelinePosition.PerCall);
                if (settings.ApiKey is { } key)
                {
                    options.AddPolicy(new AzureApiKeyPolicy(key), PipelinePosition.BeforeTransport);
                }
                else
                {
                    AddKeylessAuthentication(settings, options);
                }

                return new ChatClient(settings.Model, new ApiKeyCredential(settings.ApiKey ?? KeylessPlaceholder), options);

            default:
                throw new InvalidOperationException($"{settings.ProviderName} is not an OpenAI SDK provider.");
        }
    }

    /// <summary>Accepts the resource root (https://r.openai.azure.com) or the full v1 URL.</summary>
    internal static Uri AzureV1Endpoint(Uri endpoint) =>
        endpoint.AbsolutePath.TrimEnd('/').EndsWith("/openai/v1", StringComparison.OrdinalIgnoreCase)
            ? endpoint
            : new Uri(AzureRoot(endpoint), "openai/v1/");

    private static Uri AzureRoot(Uri endpoint)
    {
        var path = endpoint.AbsolutePath;
        var cut = path.IndexOf("/openai", StringComparison.OrdinalIgnoreCase);
        var root = cut >= 0 ? path[..cut] : path;
        return new UriBuilder(endpoint) { Path = root.TrimEnd('/') + "/", Query = "" }.Uri;
    }

    private const string KeylessPlaceholder = "keyless";

    /// <summary>No AZURE_OPENAI_API_KEY: authenticate with Microsoft Entra ID (DefaultAzureCredential).</summary>
    private static void AddKeylessAuthentication(ChatProviderSettings settings, OpenAIClientOptions options)
    {
        if (settings.ApiKey is null)
        {
            options.AddPolicy(new AzureTokenPolicy(settings.Credential ?? new Azure.Identity.DefaultAzureCredential()),
                PipelinePosition.BeforeTransport);
        }
    }
}
