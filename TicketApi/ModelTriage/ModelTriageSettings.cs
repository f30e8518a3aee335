using TicketApi.Ai;

namespace TicketApi.ModelTriage;

/// <summary>
/// Whether and how tickets are triaged by a model (docs/triage.md, "Triage by a model"). The provider is the
/// one the agent host chats with (<see cref="ChatProviderSettings"/>: <c>OPENAI_*</c>, <c>AZURE_OPENAI_*</c>);
/// <c>TRIAGE_MODEL=off</c> keeps triage offline even then, any other value names the model (deployment)
/// triage uses instead of the chat model.
/// </summary>
public sealed record ModelTriageSettings(ChatProviderSettings Provider)
{
    public const string OffValue = "off";

    /// <summary>Neither a model nor a provider: every ticket is triaged by the offline triager alone.</summary>
    public static ModelTriageSettings Off { get; } = new(ChatProviderSettings.Offline);

    public bool Enabled => Provider.Kind != ChatProviderKind.OfflinePlanner;

    /// <summary>
    /// How long one ticket's triage may take in all (the SDK's retries included) before it is marked
    /// <c>failed</c>; a stuck model then costs one ticket this long, not the queue forever.
    /// </summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>Tickets waiting for the model in memory; past it, new ones wait in the database (still <c>pending</c>) until the queue drains.</summary>
    public int QueueCapacity { get; init; } = 1024;

    public override string ToString() => Enabled ? $"model triage with {Provider}" : "offline triage";

    public static ModelTriageSettings FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var choice = configuration["TRIAGE_MODEL"]?.Trim();
        if (string.Equals(choice, OffValue, StringComparison.OrdinalIgnoreCase))
        {
            return Off;
        }
        var provider = ChatProviderSettings.FromConfiguration(configuration);
        if (provider.Kind == ChatProviderKind.OfflinePlanner)
        {
            return Off;
        }
        return new ModelTriageSettings(string.IsNullOrEmpty(choice) ? provider : provider with { Model = choice });
    }
}
