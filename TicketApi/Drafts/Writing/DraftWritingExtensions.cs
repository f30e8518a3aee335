using Microsoft.Extensions.DependencyInjection.Extensions;
using TicketApi.Ai;
using TicketApi.Drafts.Writing.Model;

namespace TicketApi.Drafts.Writing;

/// <summary>How the ticket service takes the draft writers on board (<c>AddTicketApi</c> calls it; docs/drafts.md, "Writing a draft").</summary>
public static class DraftWritingExtensions
{
    /// <summary>
    /// Registers <see cref="IDraftWriter"/>: the model writer when a model is configured (and <c>DRAFT_MODEL</c>
    /// is not <c>off</c>), otherwise the offline writer. Needs the knowledge base (<c>AddKnowledgeBase</c>).
    /// </summary>
    public static IServiceCollection AddDraftWriting(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = DraftModelSettings.FromConfiguration(configuration);
        services.TryAddSingleton(settings);
        services.TryAddSingleton<ResolvedReplySearch>();
        services.TryAddSingleton(_ => ArticleModel.FromEmbedded());
        services.TryAddSingleton(_ => StatusModel.FromEmbedded());
        services.TryAddSingleton<DraftRetrieval>();
        services.TryAddSingleton<OfflineDraftWriter>();
        if (settings.Enabled)
        {
            services.TryAddSingleton(provider => new ModelDraftWriter(
                OpenAIChatClientFactory.Create(provider.GetRequiredService<DraftModelSettings>().Provider),
                provider.GetRequiredService<DraftModelSettings>(),
                provider.GetRequiredService<DraftRetrieval>(),
                provider.GetRequiredService<OfflineDraftWriter>(),
                provider.GetRequiredService<ILogger<ModelDraftWriter>>()));
            services.TryAddSingleton<IDraftWriter>(provider => provider.GetRequiredService<ModelDraftWriter>());
        }
        else
        {
            services.TryAddSingleton<IDraftWriter>(provider => provider.GetRequiredService<OfflineDraftWriter>());
        }
        return services;
    }
}
