using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace TicketApi.Tests.Infrastructure;

/// <summary>The real ticket API in memory, on a SQLite file of its own that is deleted afterwards.</summary>
public sealed class TicketApiFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "agenttickets-tests", Guid.NewGuid().ToString("N"));

    public TicketApiFactory()
    {
        Directory.CreateDirectory(_folder);
        ConnectionString = $"Data Source={Path.Combine(_folder, "tickets.db")}";
    }

    public string ConnectionString { get; }

    public ManualClock Clock { get; } = new(new DateTimeOffset(2025, 1, 8, 14, 15, 22, TimeSpan.Zero).AddTicks(1234560));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Tickets", ConnectionString);
        builder.UseEnvironment("Testing");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            using (var connection = new SqliteConnection(ConnectionString))
            {
                SqliteConnection.ClearPool(connection);
            }
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A connection still closing: the temp folder is cleaned by the OS, the test is unaffected.
            }
        }
    }
}
