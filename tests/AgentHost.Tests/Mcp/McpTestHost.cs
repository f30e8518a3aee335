using System.Net;
using AgentHost.Mcp;
using AgentHost.Tools;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgentHost.Tests.Mcp;

/// <summary>
/// A real Kestrel server on 127.0.0.1 and a free port, serving <c>/mcp</c> over the given tools: what an
/// external MCP client would talk to, without the ticket service behind it.
/// </summary>
internal sealed class McpTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private McpTestHost(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
        Http = new HttpClient { BaseAddress = endpoint };
    }

    public Uri Endpoint { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<McpTestHost> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null, IEnumerable<TicketToolDefinition>? tools = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var definitions = (tools ?? FakeTicketTools.All).ToList();
        configureServices?.Invoke(builder.Services);
        builder.Services.AddTicketMcpServer(builder.Configuration, _ => definitions);

        var app = builder.Build();
        app.MapTicketMcp();
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new McpTestHost(app, new Uri(address.TrimEnd('/') + "/mcp"));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
