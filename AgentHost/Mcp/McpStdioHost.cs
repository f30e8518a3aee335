using AgentHost.Tickets;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AgentHost.Mcp;

/// <summary>
/// <c>--mcp-stdio</c>: the MCP server alone on stdin/stdout, for assistants that launch tools as child
/// processes (Claude Desktop, VS Code, Cursor). No web server and no listening socket; every log line goes to
/// stderr, because a single stray byte on stdout corrupts the protocol stream.
/// </summary>
public static class McpStdioHost
{
    public const string Flag = "--mcp-stdio";

    public static bool IsRequested(IReadOnlyList<string> args) => args.Contains(Flag, StringComparer.Ordinal);

    public static async Task RunAsync(string[] args)
    {
        // The transport writes to the raw stdout stream, not Console.Out; pointing Console.Out at stderr makes
        // any Console.WriteLine anywhere in the process (ours, a library's) harmless to the protocol.
        Console.SetOut(Console.Error);

        var builder = Host.CreateApplicationBuilder(args.Where(a => a != Flag).ToArray());
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);

        if (string.IsNullOrWhiteSpace(builder.Configuration["TICKET_API_URL"]))
        {
            // Registered before the MCP server's hosted service so the ticket service is up before the first call.
            builder.Services.AddSingleton<InMemoryTicketService>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<InMemoryTicketService>());
            builder.Services.UseTicketServiceHandler(sp => sp.GetRequiredService<InMemoryTicketService>().CreateHandler());
        }

        builder.Services.AddTicketMcpServer(builder.Configuration);
        // The SDK's own stdio wiring: its StdioServerTransport on the raw stdin/stdout streams and a hosted service
        // that runs the one server and stops the host when the client closes stdin. Registered first, this server
        // (built by our factory, with our tools and filters) is the one it runs instead of a default one.
        builder.Services.AddSingleton(services => services.GetRequiredService<TicketMcpServerFactory>().Create(services.GetRequiredService<ITransport>()));
        builder.Services.AddMcpServer().WithStdioServerTransport();

        using var host = builder.Build();
        await host.RunAsync();
    }
}
