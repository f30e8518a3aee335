using AgentHost.Mcp;
using AgentHost.Tickets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol.Client;

namespace AgentHost.Tests.Mcp;

/// <summary>All seven tools against the real ticket service, over each transport.</summary>
public sealed class TicketToolsOverPipeTests : IAsyncLifetime
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"mcp-pipe-{Guid.NewGuid():N}.db");
    private InMemoryTicketService _tickets = null!;

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Tickets"] = $"Data Source={_database}" })
            .Build();
        _tickets = new InMemoryTicketService(configuration, NullLoggerFactory.Instance);
        await _tickets.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _tickets.StopAsync(CancellationToken.None);
        await _tickets.DisposeAsync();
        File.Delete(_database);
    }

    private Task<PipeMcpConnection> ConnectAsync(Dictionary<string, string?>? settings = null) =>
        PipeMcpConnection.StartWithCatalogueAsync(settings, services => services.UseTicketServiceHandler(_ => _tickets.CreateHandler()));

    [Fact]
    public async Task Every_tool_works_over_the_pipe()
    {
        await using var connection = await ConnectAsync();
        await TicketToolScenario.CallEveryToolAsync(connection.Client);
    }

    [Fact]
    public async Task Read_only_mode_reads_and_refuses_writes_over_the_pipe()
    {
        await using var connection = await ConnectAsync(new() { ["MCP_READ_ONLY"] = "true" });
        await TicketToolScenario.ReadOnlyAsync(connection.Client);
    }
}

public sealed class TicketToolsOverStdioTests
{
    [Fact]
    public async Task Every_tool_works_over_stdio_against_the_in_memory_ticket_service()
    {
        using var process = new AgentHostProcess();
        var stderr = new List<string>();
        // The child starts its in-memory ticket service before it reads stdin: allow more than the 5-second probe.
        await using var client = await McpClient.CreateAsync(process.ClientTransport(stderr), HttpConnect.ClientOptions(null));

        await TicketToolScenario.CallEveryToolAsync(client);

        Assert.True(File.Exists(process.DatabasePath), "stdio mode should use the database it was given");
    }

    [Fact]
    public async Task Read_only_mode_over_stdio_hides_and_refuses_write_tools()
    {
        using var process = new AgentHostProcess();
        var stderr = new List<string>();
        await using var client = await McpClient.CreateAsync(process.ClientTransport(stderr, new Dictionary<string, string?> { ["MCP_READ_ONLY"] = "true" }), HttpConnect.ClientOptions(null));

        await TicketToolScenario.ReadOnlyAsync(client);
    }
}

public sealed class TicketToolsOverHttpTests
{
    [Theory]
    [InlineData("2025-11-25")]
    [InlineData("2025-03-26")]
    [InlineData(null)]
    public async Task Every_tool_works_over_http_on_the_running_agent_host(string? protocolVersion)
    {
        await using var host = new RunningAgentHost();
        await using var client = await host.ConnectAsync(protocolVersion);

        Assert.Equal(protocolVersion ?? "2026-07-28", client.NegotiatedProtocolVersion);
        await TicketToolScenario.CallEveryToolAsync(client);
    }

    [Fact]
    public async Task The_running_host_lists_the_snapshot_tools_over_http()
    {
        await using var host = new RunningAgentHost();
        await using var client = await host.ConnectAsync("2025-11-25");

        ToolSnapshot.AssertMatches(await client.ListToolsAsync());
        Assert.Equal("127.0.0.1", host.McpEndpoint.Host);
    }

    [Fact]
    public async Task Read_only_mode_over_http_hides_and_refuses_write_tools()
    {
        await using var host = new RunningAgentHost(new Dictionary<string, string?> { ["MCP_READ_ONLY"] = "true" });
        await using var client = await host.ConnectAsync("2025-11-25");

        await TicketToolScenario.ReadOnlyAsync(client);
    }
}
