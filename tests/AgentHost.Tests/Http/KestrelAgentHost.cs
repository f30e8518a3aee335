using AgentHost.Tests.Support;
using AgentTickets.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgentHost.Tests.Http;

/// <summary>
/// The whole agent host (embedded ticket service, /chat, /mcp) on real Kestrel at 127.0.0.1 and a free
/// port, logs captured, with a 2 s body grace period (Kestrel's minimum is over its 1 s heartbeat) so a
/// trickling client is cut off quickly. TestServer would enforce none of Kestrel's limits.
/// </summary>
internal sealed class KestrelAgentHost : IAsyncDisposable
{
    private readonly AgentHostFactory _host = new() { OverLoopback = true };
    private readonly WebApplicationFactory<AgentHost.Tools.TicketToolCatalogue> _server;

    public KestrelAgentHost()
    {
        _server = _host.WithWebHostBuilder(builder => builder
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

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _server.DisposeAsync();
        await _host.DisposeAsync();
    }
}
