using TicketApi;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddTicketApi(builder.Configuration);

var app = builder.Build();
app.MapTicketApi();
app.Run();
