using AgentHost.Chat;
using AgentHost.Endpoints;
using AgentHost.Hosting;
using AgentHost.Tools;

var builder = WebApplication.CreateBuilder(args);
builder.ListenOnAgentPort();
builder.Services.AddProblemDetails();
builder.Services.AddEmbeddedTicketService(builder.Configuration);
builder.Services.AddTicketTools(builder.Configuration);
builder.Services.AddChatPipeline(builder.Configuration);

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapEmbeddedTicketService();
app.MapAgentHealth();
app.MapChat();
app.Run();
