using AgentHost.Chat;
using AgentHost.Desk;
using AgentHost.Endpoints;
using AgentHost.Hosting;
using AgentHost.Mcp;
using AgentHost.Tools;
using TicketApi;
using TicketApi.Accounts.Admin;
using TicketApi.Limits;

// MCP over stdio: no web server at all; see McpStdioHost.
if (McpStdioHost.IsRequested(args))
{
    await McpStdioHost.RunAsync(args);
    return;
}

// "create-admin <email>": make the first admin in the embedded ticket database and exit (docs/accounts.md, "First admin").
if (CreateAdminCommand.IsRequested(args))
{
    Environment.ExitCode = await CreateAdminCommand.RunAsync(args, (services, configuration) => services.AddEmbeddedTicketService(configuration), Console.Out, Console.Error);
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddAgentHostDefaults();
builder.Services.AddEmbeddedTicketService(builder.Configuration);
builder.Services.AddTicketTools(builder.Configuration);
builder.Services.AddChatPipeline(builder.Configuration);
builder.Services.AddTicketMcpServer(builder.Configuration);
builder.Services.AddBrowserCors(builder.Configuration);
builder.Services.AddDesk(builder.Configuration);

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseBrowserCors();
app.UseDeskFiles();
app.UseEmbeddedAccounts();
app.UseRateLimits();
app.MapEmbeddedTicketService();
app.MapAgentHealth();
app.MapChat();
app.MapChatHead();
app.MapChatSessions();
app.MapTicketMcp();
app.MapDesk();
app.Run();
