using System.Text.RegularExpressions;

namespace TicketApi.Ai;

/// <summary>Which model the agent host's chat pipeline and the ticket service's model triage talk to (docs/triage.md, "Triage by a model").</summary>
public enum ChatProviderKind
{
    /// <summary>No model configured: the built-in deterministic planner (chat) and the offline triager (triage).</summary>
    OfflinePlanner,

    /// <summary>OpenAI, or any OpenAI-compatible server (Ollama, vLLM, LM Studio) via <c>OPENAI_BASE_URL</c>.</summary>
    OpenAI,

    /// <summary>Azure OpenAI's v1 endpoint: <c>{endpoint}/openai/v1/</c>, model = deployment name.</summary>
    AzureOpenAIV1,

    /// <summary>Azure OpenAI's classic endpoint: <c>/openai/deployments/{d}/chat/completions?api-version=</c>, <c>api-key</c> header.</summary>
    AzureOpenAIClassic,
}

/// <summary>
/// The provider settings, read from the environment names listed in README.md ("Configuration") and .env.example. Azure wins over OpenAI when both
/// are set; with neither the offline planner runs, so the product works with no key and no network.
/// </summary>
public sealed partial record ChatProviderSettings(
    ChatProviderKind Kind,
    Uri? Endpoint = null,
    string? ApiKey = null,
    string? Model = null,
    string? ApiVersion = null)
{
    /// <summary>How long one model request may take (a chat turn then ends in an error frame; triage is marked failed).</summary>
    public TimeSpan NetworkTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The Microsoft Entra credential for keyless Azure OpenAI (no <c>AZURE_OPENAI_API_KEY</c>); null means
    /// <c>DefaultAzureCredential</c>. Settable for tests.
    /// </summary>
    public Azure.Core.TokenCredential? Credential { get; init; }

    /// <summary>Retries of the SDK's own policy (429, 5xx, network), which honours <c>Retry-After</c>.</summary>
    public int MaxRetries { get; init; } = 3;

    public static ChatProviderSettings Offline { get; } = new(ChatProviderKind.OfflinePlanner);

    /// <summary>Never prints the key (a record's generated ToString would).</summary>
    public override string ToString() => $"{ProviderName} model={Model} endpoint={Endpoint}";

    public string ProviderName => Kind switch
    {
        ChatProviderKind.OfflinePlanner => "offline-planner",
        ChatProviderKind.OpenAI => "openai",
        ChatProviderKind.AzureOpenAIV1 => "azure-openai-v1",
        ChatProviderKind.AzureOpenAIClassic => "azure-openai-classic",
        _ => Kind.ToString(),
    };

    public static ChatProviderSettings FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        string? Read(string name) => string.IsNullOrWhiteSpace(configuration[name]) ? null : configuration[name]!.Trim();

        if (Read("AZURE_OPENAI_ENDPOINT") is { } azureEndpoint)
        {
            var endpoint = ParseUrl("AZURE_OPENAI_ENDPOINT", azureEndpoint);
            // The mini deployment stands in when it is the only one configured; no step here is cheap enough
            // to be worth a second model (every round needs reliable tool calling).
            var deployment = Read("AZURE_OPENAI_CHAT_DEPLOYMENT") ?? Read("AZURE_OPENAI_CHAT_DEPLOYMENT_MINI")
                ?? throw new InvalidOperationException(
                    "AZURE_OPENAI_ENDPOINT is set but AZURE_OPENAI_CHAT_DEPLOYMENT is not: name the chat deployment.");
            var version = Read("AZURE_OPENAI_API_VERSION");
            var kind = version is not null && DatedApiVersion().IsMatch(version)
                ? ChatProviderKind.AzureOpenAIClassic
                : ChatProviderKind.AzureOpenAIV1;
            return new ChatProviderSettings(kind, endpoint, Read("AZURE_OPENAI_API_KEY"), deployment, version);
        }

        var key = Read("OPENAI_API_KEY");
        var baseUrl = Read("OPENAI_BASE_URL");
        if (key is not null || baseUrl is not null)
        {
            return new ChatProviderSettings(ChatProviderKind.OpenAI,
                baseUrl is null ? null : ParseUrl("OPENAI_BASE_URL", baseUrl),
                key,
                Read("OPENAI_MODEL") ?? "gpt-4o-mini");
        }

        return Offline;
    }

    private static Uri ParseUrl(string name, string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new InvalidOperationException($"{name} '{value}' is not an http(s) URL.");

    // "2024-10-21", "2025-04-01-preview": the classic data-plane versions. "v1", "preview", "latest" are v1 API.
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(-preview)?$")]
    private static partial Regex DatedApiVersion();
}
