using ModelContextProtocol.Server;

namespace AgentHost.Mcp;

/// <summary>
/// Runs one MCP server over the process's stdin/stdout and stops the host when the client closes stdin, so the
/// process ends with the assistant that started it.
/// </summary>
internal sealed class StdioMcpServerService(
    TicketMcpServerFactory serverFactory,
    IHostApplicationLifetime lifetime,
    ILoggerFactory loggerFactory) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var transport = new StdioServerTransport("agenttickets", loggerFactory);
            await using var server = serverFactory.Create(transport);
            await server.RunAsync(stoppingToken);
        }
        finally
        {
            lifetime.StopApplication();
        }
    }
}
