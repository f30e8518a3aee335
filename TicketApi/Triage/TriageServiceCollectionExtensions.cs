using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TicketApi.Triage;

/// <summary>How a host takes the offline triager on board (<c>AddTicketApi</c> does: every create is triaged).</summary>
public static class TriageServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="OfflineTriager"/> for the whole process, trained from the embedded
    /// training set the first time it is resolved (docs/triage.md).
    /// </summary>
    public static IServiceCollection AddOfflineTriager(this IServiceCollection services)
    {
        services.TryAddSingleton(_ => OfflineTriager.TrainOnEmbeddedSet());
        return services;
    }
}
