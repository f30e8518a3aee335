using Microsoft.AspNetCore.TestHost;
using TicketApi;

namespace AgentHost.Mcp;

/// <summary>
/// The ticket service hosted inside the stdio MCP process without a socket: stdio mode must not listen on a
/// port (a desktop assistant may start several copies, and nothing outside should reach them), yet the tools
/// still go through the same HTTP client and the same REST rules as everywhere else.
/// </summary>
internal sealed class InMemoryTicketService(IConfiguration configuration, ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>The primary handler for the ticket API client: requests go straight into the in-memory server.</summary>
    public HttpMessageHandler CreateHandler() =>
        (_app ?? throw new InvalidOperationException("The in-memory ticket service has not been started.")).GetTestServer().CreateHandler();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(InMemoryTicketService).Assembly.GetName().Name });
        builder.Configuration.AddConfiguration(configuration);
        builder.WebHost.UseTestServer();
        // Share the stdio host's logging, which writes to stderr only: stdout belongs to the protocol.
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddTicketApi(builder.Configuration);

        var app = builder.Build();
        app.MapTicketApi();
        await app.StartAsync(cancellationToken);
        _app = app;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
            _app = null;
        }
    }
}
