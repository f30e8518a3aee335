using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using TicketApi.Tickets;

/// <summary>
/// <c>TriageCost serve URL DATABASE on|off</c>: the ticket service's own Program (its middleware, endpoints,
/// validation and responses) on Kestrel at URL, on a SQLite file of its own, with triage on create as shipped
/// (<c>on</c>) or left out (<c>off</c>, <see cref="TriageOnCreate"/>, which no configuration key reaches).
/// bench/triage-create.sh starts one of each and drives both with wrk, as bench/run.sh drives the service.
/// </summary>
internal static class TicketServiceHost
{
    public static async Task ServeAsync(string url, string databaseFile, bool triage)
    {
        // The factory looks for the service's project folder beside a solution file; the build output is its content root here.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_TICKETAPI", AppContext.BaseDirectory);
        // The factory runs the entry point of its type argument's assembly: any type of TicketApi names its Program.
        await using var factory = new WebApplicationFactory<TicketStore>().WithWebHostBuilder(builder => builder
            .UseEnvironment("Production")
            .UseSetting("urls", url)
            .UseSetting("ConnectionStrings:Tickets", $"Data Source={databaseFile}")
            // As bench/run.sh starts the service: at full speed, the limits would turn most creates into 429s.
            .UseSetting("RATE_LIMITS", "off")
            .UseSetting("Logging:LogLevel:Default", "Warning")
            .ConfigureTestServices(services =>
            {
                if (!triage)
                {
                    services.AddSingleton(new TriageOnCreate(false));
                }
            }));
        factory.UseKestrel();
        factory.StartServer();
        Console.WriteLine($"listening on {url}, triage on create {(triage ? "on" : "off")}");
        var stopped = new TaskCompletionSource();
        using var signal = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stopped.TrySetResult();
        });
        await stopped.Task;
    }
}
