using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TicketApi;
using TicketApi.Tickets;

namespace AgentHost.Tickets;

public static class TicketServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <see cref="ITicketService"/> seam. Without <c>TICKET_API_URL</c> (embedded, the default, and
    /// MCP stdio) it is <see cref="InProcessTicketService"/> over the ticket service's own code, whose storage is
    /// registered here unless the host already did (<c>AddTicketApi</c>); with it, <see cref="TicketApiClient"/>.
    /// </summary>
    public static IServiceCollection AddTicketService(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddTicketServiceClient(configuration);
        if (string.IsNullOrWhiteSpace(configuration["TICKET_API_URL"]))
        {
            if (!services.Any(d => d.ServiceType == typeof(TicketStore)))
            {
                services.AddTicketApi(configuration);
            }

            services.TryAddScoped<TicketService>();
        }

        services.AddSingleton<InProcessTicketService>();
        // Chosen when first resolved, from the bound options: what configuration says after every source is in.
        services.AddSingleton<ITicketService>(sp => sp.GetRequiredService<TicketServiceAddress>().IsEmbedded
            ? sp.GetRequiredService<InProcessTicketService>()
            : sp.GetRequiredService<TicketApiClient>());
        return services;
    }

    /// <summary>
    /// Registers <see cref="TicketApiClient"/>, the HTTP face of the seam for <c>TICKET_API_URL</c>. Its named
    /// client <see cref="TicketApiClient.HttpClientName"/> has a bounded <see cref="SocketsHttpHandler"/>
    /// (<see cref="TicketServiceOptions.MaxConnectionsPerServer"/>, idle timeout, lifetime) as primary handler;
    /// tests replace it with <see cref="UseTicketServiceHandler"/>.
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
        }).ValidateOnStart(); // a bad TICKET_API_URL stops the host at start, not the first tool call
        services.AddHttpClient(TicketApiClient.HttpClientName, http =>
            {
                // Each try has its own timeout in the retry pipeline; the client-wide one would cut retries short.
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(sp => CreateBoundedHandler(sp.GetRequiredService<IOptions<TicketServiceOptions>>().Value))
            // The pool's own lifetime recycles connections; rotating handlers too would strand their idle pools.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.TryAddSingleton<TicketServiceAddress>();
        services.TryAddSingleton<TicketApiClient>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>Replaces the primary handler of the ticket-service HTTP client (tests).</summary>
    public static IServiceCollection UseTicketServiceHandler(this IServiceCollection services,
        Func<IServiceProvider, HttpMessageHandler> createHandler)
    {
        services.AddHttpClient(TicketApiClient.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(createHandler);
        return services;
    }

    internal static SocketsHttpHandler CreateBoundedHandler(TicketServiceOptions options) => new()
    {
        MaxConnectionsPerServer = options.MaxConnectionsPerServer,
        PooledConnectionIdleTimeout = options.PooledConnectionIdleTimeout,
        PooledConnectionLifetime = options.PooledConnectionLifetime,
    };
}
