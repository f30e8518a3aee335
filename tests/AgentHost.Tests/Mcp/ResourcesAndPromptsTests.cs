using ModelContextProtocol.Client;

namespace AgentHost.Tests.Mcp;

/// <summary>The resources and prompts against the real ticket service, over each transport (docs/mcp.md).</summary>
public sealed class ResourcesAndPromptsOverPipeTests : IAsyncLifetime
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"mcp-res-{Guid.NewGuid():N}.db");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_database + suffix);
        }
        return Task.CompletedTask;
    }

    private Task<PipeMcpConnection> ConnectAsync(Dictionary<string, string?>? settings = null) =>
        PipeMcpConnection.StartWithCatalogueAsync(new Dictionary<string, string?>(settings ?? [])
        {
            ["ConnectionStrings:Tickets"] = $"Data Source={_database}",
        });

    [Fact]
    public async Task Resources_and_prompts_work_over_the_pipe()
    {
        await using var connection = await ConnectAsync();
        await ResourcePromptScenario.ReadEveryResourceAndPromptAsync(connection.Client);
    }

    [Fact]
    public async Task In_read_only_mode_the_triage_prompt_proposes_instead_of_calling_write_tools()
    {
        long id;
        await using (var writer = await ConnectAsync())
        {
            id = await ResourcePromptScenario.CreateTicketWithReplyAsync(writer.Client, "It drops every ten minutes.");
        }

        await using var connection = await ConnectAsync(new() { ["MCP_READ_ONLY"] = "true" });
        var triage = await connection.Client.GetPromptAsync("triage-ticket", new Dictionary<string, object?> { ["id"] = id });
        var instructions = ResourcePromptScenario.Split(triage, id).Instructions;

        Assert.Contains("read-only", instructions, StringComparison.Ordinal);
        Assert.DoesNotContain("triage_ticket", instructions, StringComparison.Ordinal);
        Assert.DoesNotContain("update_ticket", instructions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_draft_tools_the_draft_prompt_asks_the_assistant_to_write_the_reply_itself()
    {
        await using var connection = await ConnectAsync();
        var id = await ResourcePromptScenario.CreateTicketWithReplyAsync(connection.Client, "It drops every ten minutes.");
        var tools = (await connection.Client.ListToolsAsync()).Select(t => t.Name).ToList();

        var draft = await connection.Client.GetPromptAsync("draft-ticket-response", new Dictionary<string, object?> { ["id"] = id });
        var instructions = ResourcePromptScenario.Split(draft, id).Instructions;

        // Once the drafts branch adds draft_reply to the catalogue, the prompt names it instead (the tool list decides).
        Assert.Equal(tools.Contains("draft_reply"), instructions.Contains("Call draft_reply", StringComparison.Ordinal));
        Assert.Equal(!tools.Contains("draft_reply"), instructions.Contains("Write the reply yourself", StringComparison.Ordinal));
        Assert.Contains("Tone: friendly and professional.", instructions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_without_a_ticket_service_advertises_neither_resources_nor_prompts()
    {
        await using var connection = await PipeMcpConnection.StartAsync();

        Assert.Null(connection.Client.ServerCapabilities.Resources);
        Assert.Null(connection.Client.ServerCapabilities.Prompts);
        Assert.NotNull(connection.Client.ServerCapabilities.Tools);
    }
}

public sealed class ResourcesAndPromptsOverStdioTests
{
    [Fact]
    public async Task Resources_and_prompts_work_over_stdio()
    {
        using var process = new AgentHostProcess();
        var stderr = new List<string>();
        await using var client = await McpClient.CreateAsync(process.ClientTransport(stderr), HttpConnect.ClientOptions(null));

        await ResourcePromptScenario.ReadEveryResourceAndPromptAsync(client);
    }
}

public sealed class ResourcesAndPromptsOverHttpTests
{
    [Theory]
    [InlineData("2025-11-25")]
    [InlineData("2025-03-26")]
    [InlineData(null)]
    public async Task Resources_and_prompts_work_over_http_on_the_running_agent_host(string? protocolVersion)
    {
        await using var host = new RunningAgentHost();
        await using var client = await host.ConnectAsync(protocolVersion);

        await ResourcePromptScenario.ReadEveryResourceAndPromptAsync(client);
    }
}
