using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TicketApi.Channels.Mail;

/// <summary>How the ticket service takes the inbound mailbox on board (docs/channels.md, "Inbound mail").</summary>
public static class MailboxExtensions
{
    /// <summary>
    /// The settings (read and checked now: a wrong IMAP setting stops the start with its name), the importer and its
    /// thread matcher, one poll, and the poller; with <c>IMAP_HOST</c> set the mailbox shows on <c>/health</c> from the start.
    /// </summary>
    public static IServiceCollection AddMailbox(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = MailboxSettings.FromConfiguration(configuration);
        services.TryAddSingleton(settings);
        services.AddScoped<ThreadMatcher>();
        services.AddScoped<MailImporter>();
        services.TryAddSingleton<MailboxPoll>();
        services.TryAddSingleton<MailboxPoller>();
        services.AddHostedService(provider =>
        {
            var poller = provider.GetRequiredService<MailboxPoller>();
            if (provider.GetRequiredService<MailboxSettings>().Enabled)
            {
                provider.GetRequiredService<ChannelStatusBoard>().Register(MailboxPoller.Channel);
            }
            return poller;
        });
        return services;
    }
}
