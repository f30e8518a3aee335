using ModelContextProtocol.Client;

namespace AgentHost.Tests.Mcp;

/// <summary>All ten tools against the real ticket service, over each transport.</summary>
public sealed class TicketToolsOverPipeTests : IAsyncLifetime
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"mcp-pipe-{Guid.NewGuid():N}.db");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_database + suffix);
        }
        return Task.CompletedTask;
    }

    /// <summary>The catalogue over the in-process ticket service on a fresh database, as stdio mode runs it.</summary>
    private Task<PipeMcpConnection> ConnectAsync(Dictionary<string, string?>? settings = null) =>
        PipeMcpConnection.StartWithCatalogueAsync(new Dictionary<string, string?>(settings ?? [])
        {
            ["ConnectionStrings:Tickets"] = $"Data Source={_database}",
        });

    [Fact]
    public async Task Every_tool_works_over_the_pipe()
    {
        await using var connection = await ConnectAsync();
        await TicketToolScenario.CallEveryToolAsync(connection.Client);
    }

    [Fact]
    public async Task A_title_with_accents_and_apostrophes_reads_plainly_and_confirms_a_delete_through_the_sdk_client()
    {
        await using var connection = await ConnectAsync();
        const string title = "Café can't print – «Ärger»";

        var created = await connection.Client.CallToolAsync("create_ticket", new Dictionary<string, object?> { ["title"] = title });
        var text = McpClientContractTests.Text(created);
        var data = System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("data");
        var deleted = await connection.Client.CallToolAsync("delete_ticket", new Dictionary<string, object?>
        {
            ["id"] = data.GetProperty("id").GetInt64(),
            ["confirm_title"] = data.GetProperty("title").GetString(),
        });

        Assert.Contains(title, text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", text, StringComparison.Ordinal);
        Assert.NotEqual(true, deleted.IsError);
        Assert.Contains($"Deleted ticket #{data.GetProperty("id").GetInt64()} '{title}'.", McpClientContractTests.Text(deleted), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ill_typed_argument_is_an_error_result_in_the_tools_words_over_the_pipe()
    {
        await using var connection = await ConnectAsync();

        var result = await connection.Client.CallToolAsync("get_ticket", new Dictionary<string, object?> { ["id"] = "twelve", ["colour"] = "red" });

        Assert.True(result.IsError);
        Assert.Equal("Invalid arguments for get_ticket: get_ticket has no argument colour; its arguments are id. id must be a whole number, not 'twelve'.",
            McpClientContractTests.Text(result));
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
