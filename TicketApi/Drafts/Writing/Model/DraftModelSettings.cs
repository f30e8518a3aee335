using TicketApi.Ai;

namespace TicketApi.Drafts.Writing.Model;

/// <summary>
/// Whether drafts are written by a model (docs/drafts.md, "Writing a draft with a model"): the provider the
/// agent host chats with (<see cref="ChatProviderSettings"/>); <c>DRAFT_MODEL=off</c> keeps drafting offline
/// even then, any other value names the model (deployment) drafting uses instead of the chat model.
/// </summary>
public sealed record DraftModelSettings(ChatProviderSettings Provider)
{
    public const string OffValue = "off";

    public bool Enabled => Provider.Kind != ChatProviderKind.OfflinePlanner;

    /// <summary>How long one draft may wait for the model (the SDK's retries included) before the offline draft is used.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    public static DraftModelSettings FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var choice = configuration["DRAFT_MODEL"]?.Trim();
        var provider = ChatProviderSettings.FromConfiguration(configuration);
        if (string.Equals(choice, OffValue, StringComparison.OrdinalIgnoreCase) || provider.Kind == ChatProviderKind.OfflinePlanner)
        {
            return new DraftModelSettings(ChatProviderSettings.Offline);
        }
        return new DraftModelSettings(string.IsNullOrEmpty(choice) ? provider : provider with { Model = choice });
    }
}
