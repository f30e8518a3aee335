using System.Globalization;
using AgentHost.Accounts;
using Microsoft.AspNetCore.OpenApi;
using TicketApi;
using TicketApi.Accounts;
using TicketApi.Http;
using TicketApi.Limits;

namespace AgentHost.Hosting;

/// <summary>How the agent host listens and whether it carries the ticket service inside itself.</summary>
public static class AgentHostingExtensions
{
    public const int DefaultPort = 8100;

    /// <summary>
    /// Port and bind address (<see cref="ListenOnAgentPort"/>), problem-details responses, and quiet framework
    /// logs: per-request framework and HttpClient lines say nothing the SSE frames do not, and appsettings.json
    /// is not found when the host is started from another directory.
    /// </summary>
    public static WebApplicationBuilder AddAgentHostDefaults(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ListenOnAgentPort();
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
        // Kestrel's refusals (body too large 413, too slow 408) as problem details, not 500s with stack traces.
        builder.Services.AddRequestLimitErrors();
        // Chat turns are limited in every mode, the ticket service's writes when it is embedded (docs/accounts.md, "Limits").
        builder.Services.AddRateLimits(builder.Configuration);
        return builder;
    }

    /// <summary>
    /// Listens on <c>http://127.0.0.1:{AGENT_PORT}</c> (8100 by default): loopback, because the host can change
    /// tickets and has no authentication. Inside a container (<c>DOTNET_RUNNING_IN_CONTAINER=true</c>, set by
    /// the official .NET images) it binds all interfaces, since there the published ports are the boundary.
    /// <c>ASPNETCORE_URLS</c>/<c>--urls</c> override both.
    /// </summary>
    public static WebApplicationBuilder ListenOnAgentPort(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!string.IsNullOrWhiteSpace(builder.Configuration["urls"]))
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

        var inContainer = string.Equals(builder.Configuration["DOTNET_RUNNING_IN_CONTAINER"], "true", StringComparison.OrdinalIgnoreCase);
        // UseUrls also wins over ASPNETCORE_HTTP_PORTS, which the official images preset to 8080.
        builder.WebHost.UseUrls($"http://{(inContainer ? "0.0.0.0" : "127.0.0.1")}:{port.ToString(CultureInfo.InvariantCulture)}");
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
            services.Configure<OpenApiOptions>("v1", options => options.AddOperationTransformer<ChatOperationSummaries>());
        }
        else
        {
            services.AddRemoteAccounts(configuration);
        }

        return services;
    }

    /// <summary>
    /// Accounts (docs/accounts.md) live in the ticket database, so the host that embeds it signs requests in; with
    /// <c>TICKET_API_URL</c> the separate ticket service checks each credential and gets it forwarded ("Remote mode").
    /// Every route after this (the chat and MCP too) then acts as the signed-in person.
    /// </summary>
    public static WebApplication UseEmbeddedAccounts(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (EmbedsTicketService(app.Configuration))
        {
            app.UseAccounts();
        }
        else
        {
            app.UseRemoteAccounts();
        }

        return app;
    }

    /// <summary>Maps <c>/api/tickets/</c>, its OpenAPI document and Swagger UI when the service is embedded.</summary>
    public static WebApplication MapEmbeddedTicketService(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (EmbedsTicketService(app.Configuration))
        {
            app.MapOpenApi().AllowHead();
            app.UseSwaggerUI(options => options.SwaggerEndpoint("/openapi/v1.json", "AgentTickets ticket API"));
            app.MapTicketApi();
        }

        return app;
    }
}
