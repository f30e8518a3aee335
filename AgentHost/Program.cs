using AgentHost.Chat;
using AgentHost.Endpoints;
using AgentHost.Hosting;
using AgentHost.Tools;

var builder = WebApplication.CreateBuilder(args);
builder.ListenOnAgentPort();
builder.Services.AddEmbeddedTicketService(builder.Configuration);
builder.Services.AddTicketTools(builder.Configuration);
builder.Services.AddChatPipeline(builder.Configuration);

var app = builder.Build();
app.MapEmbeddedTicketService();
app.MapAgentHealth();
app.MapChat();
app.Run();

/// <summary>Entry point; public so tests can host it with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
