using AgentTickets.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TicketApi.Tests.Infrastructure;

/// <summary>
/// The ticket API on real Kestrel at 127.0.0.1 and a free port (TestServer enforces none of Kestrel's limits
/// and sends HEAD bodies), with its logs captured. The body grace period is shortened to 2 s (Kestrel's
/// minimum is over its 1 s heartbeat) so a trickling client is cut off quickly.
/// </summary>
public sealed class KestrelTicketApi : IDisposable
{
    private readonly TicketApiFactory _database = new();
    private readonly WebApplicationFactory<Program> _server;

    public KestrelTicketApi()
    {
        _server = _database.WithWebHostBuilder(builder => builder
            .UseSetting("urls", "http://127.0.0.1:0")
            .ConfigureLogging(logging => logging.AddProvider(Logs)));
        _server.UseKestrel(options => options.Limits.MinRequestBodyDataRate = new MinDataRate(240, TimeSpan.FromSeconds(2)));
        _server.StartServer();
        var address = _server.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        Address = new Uri(address);
        Client = new HttpClient { BaseAddress = Address };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public LogCapture Logs { get; } = new();

    public void Dispose()
    {
        Client.Dispose();
        _server.Dispose();
        _database.Dispose();
    }
}
