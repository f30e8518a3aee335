using TicketApi.Contracts;

// Same JSON stack and DTO as the ticket service, no database: what any endpoint could reach at best here.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();

var ticket = new TicketDto(1, "Email outage", "Outbound mail has been failing since 9am UTC.",
    new DateTime(2025, 1, 8, 14, 15, 22, DateTimeKind.Utc), new DateTime(2025, 1, 8, 14, 15, 22, DateTimeKind.Utc), TicketStatus.Open);
app.MapGet("/ticket", () => TypedResults.Ok(ticket));
app.Run();
