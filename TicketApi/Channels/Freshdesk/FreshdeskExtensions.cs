using Microsoft.Extensions.DependencyInjection.Extensions;
using TicketApi.Mail;

namespace TicketApi.Channels.Freshdesk;

/// <summary>How the ticket service takes the Freshdesk connector on board (docs/channels.md, "Freshdesk connector").</summary>
public static class FreshdeskExtensions
{
    /// <summary>
    /// Call before <c>AddMail</c>: the outbox the approval uses becomes <see cref="FreshdeskAwareOutbox"/> (always,
    /// so a Freshdesk ticket's reply is never mailed, even while the connector is off). With FRESHDESK_DOMAIN set
    /// the settings are checked now (a wrong value stops the start, naming it), and the worker polls.
    /// </summary>
    public static IServiceCollection AddFreshdesk(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<Outbox>();
        services.TryAddSingleton<IOutbox>(provider => new FreshdeskAwareOutbox(provider.GetRequiredService<Outbox>(), provider.GetRequiredService<TimeProvider>()));
        if (FreshdeskSettings.FromConfiguration(configuration) is not { } settings)
        {
            return services;
        }
        services.AddSingleton(settings);
        services.TryAddSingleton(provider => new FreshdeskDelays(provider.GetRequiredService<TimeProvider>()));
        services.AddHttpClient(FreshdeskConnector.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        services.AddScoped<FreshdeskMirror>();
        services.AddScoped<FreshdeskPoller>();
        services.AddScoped<FreshdeskReplySender>();
        services.AddSingleton<FreshdeskConnector>();
        services.AddHostedService<FreshdeskWorker>();
        return services;
    }
}
