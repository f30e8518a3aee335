using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgentTickets.Testing;

/// <summary>
/// A host (the suite's own <see cref="WebApplicationFactory{TEntryPoint}"/>, which this takes over and disposes)
/// on real Kestrel at 127.0.0.1 and a free port, with its logs captured. TestServer enforces none of Kestrel's
/// limits and hands HEAD a body. The body grace period is shortened to 2 s (Kestrel's minimum is over its 1 s
/// heartbeat) so a trickling client is cut off quickly.
/// </summary>
public sealed class KestrelOnFreePort<TEntryPoint> : IAsyncDisposable, IDisposable
    where TEntryPoint : class
{
    private readonly WebApplicationFactory<TEntryPoint> _application;
    private readonly WebApplicationFactory<TEntryPoint> _server;

    public KestrelOnFreePort(WebApplicationFactory<TEntryPoint> application)
    {
        _application = application;
        _server = application.WithWebHostBuilder(builder => builder
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
        await _application.DisposeAsync();
    }

    public void Dispose()
    {
        Client.Dispose();
        _server.Dispose();
        _application.Dispose();
    }
}
