using ModelContextProtocol.Protocol;

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

        // Embedded (no TICKET_API_URL) the tools call the ticket service's code in this process: no socket, no
        // in-memory server. AddTicketMcpServer registers that seam (see TicketServiceCollectionExtensions).
        builder.Services.AddTicketMcpServer(builder.Configuration);
        // After the schema start-up (registered by AddTicketMcpServer) and before the stdio service: a bad MCP_API_KEY
        // stops the start here, before a client is answered.
        builder.Services.AddSingleton<McpStdioCredential>();
        builder.Services.AddHostedService(services => services.GetRequiredService<McpStdioCredential>());
        // The SDK's own stdio wiring: its StdioServerTransport on the raw stdin/stdout streams and a hosted service
        // that runs the one server and stops the host when the client closes stdin. Registered first, this server
        // (built by our factory, with our tools and filters) is the one it runs instead of a default one.
        builder.Services.AddSingleton(services => services.GetRequiredService<TicketMcpServerFactory>().Create(services.GetRequiredService<ITransport>()));
        builder.Services.AddMcpServer().WithStdioServerTransport();

        using var host = builder.Build();
        try
        {
            await host.RunAsync();
        }
        catch (McpStdioCredentialException refused)
        {
            await Console.Error.WriteLineAsync("agenttickets MCP server not started: " + refused.Message);
            Environment.ExitCode = 1;
        }
    }
}
