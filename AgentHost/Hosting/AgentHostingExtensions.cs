using System.Globalization;
using TicketApi;

namespace AgentHost.Hosting;

/// <summary>How the agent host listens and whether it carries the ticket service inside itself.</summary>
public static class AgentHostingExtensions
{
    public const int DefaultPort = 8100;

    /// <summary>
    /// Listens on <c>http://127.0.0.1:{AGENT_PORT}</c> (8100 by default): loopback, because the host can change
    /// tickets and has no authentication. <c>ASPNETCORE_URLS</c>/<c>--urls</c> override it (e.g. a container
    /// binding 0.0.0.0).
    /// </summary>
    public static WebApplicationBuilder ListenOnAgentPort(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!string.IsNullOrWhiteSpace(builder.Configuration["urls"]) || !string.IsNullOrWhiteSpace(builder.Configuration["http_ports"]))
        {
            return builder;
        }

        var text = builder.Configuration["AGENT_PORT"];
        var port = DefaultPort;
        if (!string.IsNullOrWhiteSpace(text)
            && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
        {
            throw new InvalidOperationException($"AGENT_PORT '{text}' is not a port number (1-65535).");
        }

        builder.WebHost.UseUrls($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        return builder;
    }

    /// <summary>True when <c>TICKET_API_URL</c> is unset: the host serves <c>/api/tickets/</c> itself.</summary>
    public static bool EmbedsTicketService(IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration?["TICKET_API_URL"]);

    public static IServiceCollection AddEmbeddedTicketService(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (EmbedsTicketService(configuration))
        {
            services.AddTicketApi(configuration);
        }

        return services;
    }

    /// <summary>Maps <c>/api/tickets/</c>, its OpenAPI document and Swagger UI when the service is embedded.</summary>
    public static WebApplication MapEmbeddedTicketService(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (EmbedsTicketService(app.Configuration))
        {
            app.MapOpenApi();
            app.UseSwaggerUI(options => options.SwaggerEndpoint("/openapi/v1.json", "AgentTickets ticket API"));
            app.MapTicketApi();
        }

        return app;
    }
}
