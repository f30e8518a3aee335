using System.IO.Pipelines;
using AgentHost.Mcp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AgentHost.Tests.Mcp;

/// <summary>
/// The MCP server and the SDK's client joined by two in-memory pipes: the real JSON-RPC framing and the real
/// server, with no process or socket in between.
/// </summary>
internal sealed class PipeMcpConnection : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly McpServer _server;
    private readonly Task _serverRun;
    private readonly CancellationTokenSource _stop;

    private PipeMcpConnection(ServiceProvider services, McpServer server, Task serverRun, CancellationTokenSource stop, McpClient client)
    {
        _stop = stop;
        _services = services;
        _server = server;
        _serverRun = serverRun;
        Client = client;
    }

    public McpClient Client { get; }

    /// <summary>The server over the stand-in tools.</summary>
    public static Task<PipeMcpConnection> StartAsync(IReadOnlyDictionary<string, string?>? settings = null) =>
        StartAsync(settings, (services, configuration) => services.AddTicketMcpServer(configuration, _ => FakeTicketTools.All));

    /// <summary>The server over the real catalogue; <paramref name="configureServices"/> can point its client somewhere.</summary>
    public static Task<PipeMcpConnection> StartWithCatalogueAsync(
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null) =>
        StartAsync(settings, (services, configuration) =>
        {
            configureServices?.Invoke(services);
            services.AddTicketMcpServer(configuration);
        });

    private static async Task<PipeMcpConnection> StartAsync(
        IReadOnlyDictionary<string, string?>? settings, Action<IServiceCollection, IConfiguration> register)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration);
        register(services, configuration);
        var provider = services.BuildServiceProvider();
        // As a host would: the embedded ticket service creates its schema in a hosted service.
        foreach (var hosted in provider.GetServices<Microsoft.Extensions.Hosting.IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        var clientToServer = new Pipe();
        var serverToClient = new Pipe();
        var serverTransport = new StreamServerTransport(clientToServer.Reader.AsStream(), serverToClient.Writer.AsStream());
        var server = provider.GetRequiredService<TicketMcpServerFactory>().Create(serverTransport);
        var stop = new CancellationTokenSource();
        var run = server.RunAsync(stop.Token);

        var client = await McpClient.CreateAsync(new PipeClientTransport(serverToClient.Reader.AsStream(), clientToServer.Writer.AsStream()));
        return new PipeMcpConnection(provider, server, run, stop, client);
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await _stop.CancelAsync();
        try
        {
            await _serverRun;
        }
        catch (OperationCanceledException)
        {
        }

        await _server.DisposeAsync();
        await _services.DisposeAsync();
        _stop.Dispose();
    }

    /// <summary>
    /// The SDK has no public client transport over plain streams, but its stream transport speaks the same
    /// newline-delimited JSON-RPC in both directions, so it serves the client side too.
    /// </summary>
    private sealed class PipeClientTransport(Stream fromServer, Stream toServer) : IClientTransport
    {
        public string Name => "in-process pipe";

        public Task<ITransport> ConnectAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<ITransport>(new StreamServerTransport(fromServer, toServer, "pipe-client"));
    }
}
