using TicketApi;
using TicketApi.Accounts;
using TicketApi.Accounts.Admin;
using TicketApi.Health;
using TicketApi.Http;
using TicketApi.Limits;

// "create-admin <email>": make the first admin and exit (docs/accounts.md, "First admin").
if (CreateAdminCommand.IsRequested(args))
{
    Environment.ExitCode = await CreateAdminCommand.RunAsync(args, (services, configuration) => services.AddTicketApi(configuration), Console.Out, Console.Error);
    return;
}

var builder = WebApplication.CreateBuilder(args);
// Port 8000 on loopback unless told otherwise (--urls or ASPNETCORE_URLS, as containers do).
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:8000");
}
// Per-request framework logs cost throughput and say nothing a 4xx body does not; configuration can turn them back on.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
builder.Services.AddTicketApi(builder.Configuration);
builder.Services.AddBrowserCors(builder.Configuration);

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseBrowserCors();
app.UseAccounts();
app.UseRateLimits();
app.MapOpenApi().AllowHead();
app.UseSwaggerUI(options => options.SwaggerEndpoint("/openapi/v1.json", "AgentTickets ticket API"));
app.MapServiceHealth();
app.MapTicketApi();
app.Run();
