using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TicketApi.ModelTriage;

/// <summary>How the ticket service takes model triage on board (<c>AddTicketApi</c> calls it).</summary>
public static class ModelTriageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the settings (from the same configuration as the agent host's model, plus <c>TRIAGE_MODEL</c>),
    /// the queue and the worker. With no model configured the queue is off and the worker returns at once,
    /// so nothing changes for the offline service. Call after the database start-up: the worker's first
    /// sweep needs the schema.
    /// </summary>
    public static IServiceCollection AddModelTriage(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(ModelTriageSettings.FromConfiguration(configuration));
        services.TryAddSingleton<ModelTriageInbox>();
        services.TryAddSingleton<ITriageModel>(provider => OpenAITriageModel.Create(provider.GetRequiredService<ModelTriageSettings>().Provider));
        services.AddHostedService<ModelTriageWorker>();
        return services;
    }
}
