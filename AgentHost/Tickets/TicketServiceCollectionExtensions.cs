using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgentHost.Tickets;

public static class TicketServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="TicketApiClient"/>. <c>TICKET_API_URL</c> names a separate ticket service; without it
    /// the host's own address is used (embedded mode). The primary handler of the named client
    /// <see cref="TicketApiClient.HttpClientName"/> can be replaced, e.g.
    /// <c>services.AddHttpClient(TicketApiClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => handler)</c>.
    /// </summary>
    public static IServiceCollection AddTicketServiceClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TicketServiceOptions>().Configure(options =>
        {
            var url = configuration["TICKET_API_URL"];
            if (!string.IsNullOrWhiteSpace(url))
            {
                options.BaseAddress = Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
                    ? uri
                    : throw new InvalidOperationException($"TICKET_API_URL '{url}' is not an absolute URL, e.g. http://localhost:8000.");
            }
        });
        services.AddHttpClient(TicketApiClient.HttpClientName, http =>
        {
            // Each try has its own timeout in the retry pipeline; the client-wide one would cut retries short.
            http.Timeout = Timeout.InfiniteTimeSpan;
        });
        services.AddSingleton<TicketServiceAddress>();
        services.AddSingleton<TicketApiClient>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>Replaces the primary handler of the ticket-service client (in-memory hosting, tests).</summary>
    public static IServiceCollection UseTicketServiceHandler(this IServiceCollection services,
        Func<IServiceProvider, HttpMessageHandler> createHandler)
    {
        services.AddHttpClient(TicketApiClient.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(createHandler);
        return services;
    }
}
