using AgentHost.Mcp;

// MCP over stdio: no web server at all; see McpStdioHost.
if (McpStdioHost.IsRequested(args))
{
    await McpStdioHost.RunAsync(args);
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddTicketMcpServer(builder.Configuration);
var app = builder.Build();
app.MapTicketMcp();
app.Run();
