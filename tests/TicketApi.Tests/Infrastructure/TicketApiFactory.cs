using AgentTickets.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace TicketApi.Tests.Infrastructure;

/// <summary>The real ticket API in memory, on a fresh database of the given store that is removed afterwards.</summary>
/// <param name="services">More test services, registered last (so they replace the app's).</param>
public sealed class TicketApiFactory(TicketStoreFixture store, Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    public TicketStoreFixture Store { get; } = store;

    public string ConnectionString { get; } = store.CreateDatabase();

    public ManualClock Clock { get; } = new(new DateTimeOffset(2025, 1, 8, 14, 15, 22, TimeSpan.Zero).AddTicks(1234560));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Tickets", ConnectionString);
        // Offline triage whatever the developer's environment holds (OPENAI_API_KEY ...): these tests assert the rules' answers.
        builder.UseSetting("TRIAGE_MODEL", "off");
        builder.UseEnvironment("Testing");
        builder.ConfigureTestServices(testServices =>
        {
            testServices.AddSingleton<TimeProvider>(Clock);
            // Drafting and mail are features of their own; where the app has none, scripted stand-ins keep the
            // draft routes answering (docs/drafts.md, "Testing"; the draft tests register theirs explicitly).
            DraftStandIns.ReplaceUnavailable(testServices);
            services?.Invoke(testServices);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Store.DropDatabase(ConnectionString);
        }
    }
}
