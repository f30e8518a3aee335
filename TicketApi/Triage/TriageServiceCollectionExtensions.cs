namespace TicketApi.Triage;

/// <summary>How a host takes the offline triager on board (ticket creation wires it in a later step).</summary>
public static class TriageServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="OfflineTriager"/> for the whole process, trained from the embedded
    /// training set the first time it is resolved (docs/triage.md).
    /// </summary>
    public static IServiceCollection AddOfflineTriager(this IServiceCollection services)
    {
        services.AddSingleton(_ => OfflineTriager.TrainOnEmbeddedSet());
        return services;
    }
}
