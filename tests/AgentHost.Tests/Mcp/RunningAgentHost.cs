using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;

namespace AgentHost.Tests.Mcp;

/// <summary>
/// The whole agent host (Program.cs as shipped: embedded ticket service, chat, /mcp) on Kestrel at
/// 127.0.0.1 and a free port, with its own database: what an HTTP MCP client would connect to.
/// </summary>
/// <remarks>
/// The type argument only has to live in AgentHost's assembly: <c>Program</c> itself is ambiguous here,
/// because the embedded TicketApi assembly has a public top-level <c>Program</c> too.
/// </remarks>
internal sealed class RunningAgentHost : WebApplicationFactory<AgentHost.Mcp.TicketMcpServerFactory>
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"mcp-http-{Guid.NewGuid():N}.db");
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public RunningAgentHost(IReadOnlyDictionary<string, string?>? settings = null)
    {
        _settings = settings ?? new Dictionary<string, string?>();
        UseKestrel();
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        McpEndpoint = new Uri(address.TrimEnd('/') + "/mcp");
    }

    public Uri McpEndpoint { get; }

    public Task<McpClient> ConnectAsync(string? protocolVersion = null) =>
        McpClient.CreateAsync(
            new HttpClientTransport(new HttpClientTransportOptions { Endpoint = McpEndpoint, TransportMode = HttpTransportMode.StreamableHttp }),
            HttpConnect.ClientOptions(protocolVersion));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Port 0 on loopback: a free port, so parallel runs and a developer's own host on 8100 do not collide.
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("ConnectionStrings:Tickets", $"Data Source={_database}");
        builder.UseSetting("TICKET_API_URL", "");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        File.Delete(_database);
    }
}
