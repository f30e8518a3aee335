using System.Net;
using AgentHost.Tickets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TicketApi.Querying;

namespace AgentHost.Tests.Tickets;

/// <summary>
/// Issue 8.5: after a burst the host kept hundreds of idle connections to the ticket service. The HTTP seam's
/// primary handler is bounded; a real Kestrel server counts the TCP connections it is given.
/// </summary>
public sealed class TicketHttpConnectionTests : IAsyncLifetime
{
    private const int Burst = 40;
    private const int MaxConnections = 4;
    private readonly TaskCompletionSource _fullHouse = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication _server = null!;
    private int _connections;
    private int _open;
    private int _waiting;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0, listen => listen.Use(next => async connection =>
        {
            Interlocked.Increment(ref _connections);
            Interlocked.Increment(ref _open);
            try
            {
                await next(connection);
            }
            finally
            {
                Interlocked.Decrement(ref _open);
            }
        })));
        _server = builder.Build();
        // Each request waits until as many requests are in flight as the client may open connections, so an
        // unbounded client would have to open one connection per request of the burst.
        _server.MapGet("/api/tickets/", async (CancellationToken cancellationToken) =>
        {
            if (Interlocked.Increment(ref _waiting) >= MaxConnections)
            {
                _fullHouse.TrySetResult();
            }
            await _fullHouse.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
            return Results.Text("""{"count":0,"next":null,"previous":null,"results":[]}""", "application/json");
        });
        await _server.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _server.StopAsync();
        await _server.DisposeAsync();
    }

    private ServiceProvider Client()
    {
        var address = _server.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["TICKET_API_URL"] = address }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddTicketService(configuration);
        services.Configure<TicketServiceOptions>(o =>
        {
            o.MaxConnectionsPerServer = MaxConnections;
            o.PooledConnectionIdleTimeout = TimeSpan.FromMilliseconds(300);
        });
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task A_burst_of_calls_shares_a_bounded_pool_and_idle_connections_are_closed_afterwards()
    {
        await using var services = Client();
        var tickets = services.GetRequiredService<ITicketService>();

        var results = await Task.WhenAll(Enumerable.Range(0, Burst).Select(_ => tickets.ListAsync(new TicketQuery(), CancellationToken.None)));

        Assert.All(results, r => Assert.True(r.IsSuccess, r.Problem?.Message));
        Assert.Equal(MaxConnections, Volatile.Read(ref _connections));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Volatile.Read(ref _open) > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50); // polling a condition with a deadline, not a fixed wait
        }
        Assert.Equal(0, Volatile.Read(ref _open));
    }

    [Fact]
    public void The_default_primary_handler_is_a_bounded_sockets_handler()
    {
        var handler = TicketServiceCollectionExtensions.CreateBoundedHandler(new TicketServiceOptions());

        Assert.Equal(16, handler.MaxConnectionsPerServer);
        Assert.Equal(TimeSpan.FromSeconds(15), handler.PooledConnectionIdleTimeout);
        Assert.Equal(TimeSpan.FromMinutes(5), handler.PooledConnectionLifetime);
    }
}
