using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AgentHost.Tests.Mcp;

/// <summary>
/// What any MCP client sees, whatever the transport: checked with the SDK's own <see cref="McpClient"/>
/// over each way this server can be reached. Uses stand-in tools; the real catalogue has its own tests.
/// </summary>
public abstract class McpClientContractTests
{
    /// <summary>Connects a client to a fresh server with the given settings; disposing ends both.</summary>
    protected abstract Task<(McpClient Client, IAsyncDisposable Server)> ConnectAsync(IReadOnlyDictionary<string, string?>? settings = null);

    [Fact]
    public async Task Client_connects_and_receives_server_info_and_instructions()
    {
        var (client, server) = await ConnectAsync();
        await using var _ = server;
        await using var __ = client;

        Assert.Equal("agenttickets", client.ServerInfo?.Name);
        Assert.Contains("Search before creating", client.ServerInstructions, StringComparison.Ordinal);
        Assert.Contains("OPEN -> RESOLVED", client.ServerInstructions, StringComparison.Ordinal);
        Assert.Contains("kind customer is refused here", client.ServerInstructions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tools_are_listed_with_every_annotation_set_explicitly()
    {
        var (client, server) = await ConnectAsync();
        await using var _ = server;
        await using var __ = client;

        var tools = await client.ListToolsAsync();

        Assert.Equal(["echo", "refuse", "write_thing", "explode"], tools.Select(t => t.Name));
        var write = tools.Single(t => t.Name == "write_thing").ProtocolTool;
        Assert.Equal("Write a thing", write.Title);
        Assert.Equal("Write a thing", write.Annotations?.Title);
        Assert.False(write.Annotations?.ReadOnlyHint);
        Assert.True(write.Annotations?.DestructiveHint);
        Assert.False(write.Annotations?.IdempotentHint);
        Assert.False(write.Annotations?.OpenWorldHint);
        var echo = tools.Single(t => t.Name == "echo").ProtocolTool;
        Assert.True(echo.Annotations?.ReadOnlyHint);
        Assert.False(echo.Annotations?.DestructiveHint);
        Assert.True(echo.Annotations?.IdempotentHint);
        Assert.False(echo.Annotations?.OpenWorldHint);
    }

    [Fact]
    public async Task A_tool_call_returns_the_tools_result()
    {
        var (client, server) = await ConnectAsync();
        await using var _ = server;
        await using var __ = client;

        var result = await client.CallToolAsync("echo", new Dictionary<string, object?> { ["text"] = "ping" });

        Assert.NotEqual(true, result.IsError);
        Assert.Contains("echo: ping", Text(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refusal_returned_by_a_tool_is_an_error_result_with_its_message_and_allowed_transitions()
    {
        var (client, server) = await ConnectAsync();
        await using var _ = server;
        await using var __ = client;

        var result = await client.CallToolAsync("refuse", new Dictionary<string, object?> { ["id"] = 99 });

        Assert.True(result.IsError);
        Assert.Equal("Ticket with id '99' was not found. Allowed next statuses: RESOLVED.", Text(result));
    }

    [Fact]
    public async Task An_exception_in_a_tool_is_an_error_result_that_keeps_its_message()
    {
        var (client, server) = await ConnectAsync();
        await using var _ = server;
        await using var __ = client;

        var result = await client.CallToolAsync("explode");

        Assert.True(result.IsError);
        Assert.Equal("'explode' failed: The thing broke; try again later.", Text(result));
    }

    [Fact]
    public async Task A_missing_required_argument_is_an_error_result_that_points_at_the_schema()
    {
        var (client, server) = await ConnectAsync();
        await using var _ = server;
        await using var __ = client;

        var result = await client.CallToolAsync("echo", new Dictionary<string, object?>());

        Assert.True(result.IsError);
        Assert.StartsWith("Invalid arguments for 'echo':", Text(result), StringComparison.Ordinal);
        Assert.Contains("text", Text(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_tool_is_a_protocol_error()
    {
        var (client, server) = await ConnectAsync();
        await using var _ = server;
        await using var __ = client;

        await Assert.ThrowsAsync<McpProtocolException>(async () => await client.CallToolAsync("no_such_tool"));
    }

    [Fact]
    public async Task Read_only_mode_hides_write_tools_and_refuses_them_when_called_by_name()
    {
        var (client, server) = await ConnectAsync(new Dictionary<string, string?> { ["MCP_READ_ONLY"] = "true" });
        await using var _ = server;
        await using var __ = client;

        var tools = await client.ListToolsAsync();
        var refused = await client.CallToolAsync("write_thing", new Dictionary<string, object?> { ["name"] = "x" });
        var allowed = await client.CallToolAsync("echo", new Dictionary<string, object?> { ["text"] = "still fine" });

        Assert.DoesNotContain(tools, t => t.Name == "write_thing");
        Assert.All(tools, t => Assert.True(t.ProtocolTool.Annotations?.ReadOnlyHint));
        Assert.True(refused.IsError);
        Assert.Contains("read-only mode", Text(refused), StringComparison.Ordinal);
        Assert.NotEqual(true, allowed.IsError);
        Assert.Contains("read-only", client.ServerInstructions, StringComparison.Ordinal);
    }

    internal static string Text(CallToolResult result) =>
        string.Concat(result.Content.OfType<TextContentBlock>().Select(b => b.Text));
}

public sealed class PipeTransportTests : McpClientContractTests
{
    protected override async Task<(McpClient, IAsyncDisposable)> ConnectAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var connection = await PipeMcpConnection.StartAsync(settings: settings);
        return (connection.Client, new Detached(connection));
    }

    // The connection owns the client; the test disposes the client itself first, which is harmless.
    private sealed class Detached(PipeMcpConnection connection) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }
}

/// <summary>HTTP with the SDK client's default: the sessionless 2026-07-28 revision (server/discover).</summary>
public sealed class HttpPerRequestRevisionTests : McpClientContractTests
{
    protected override Task<(McpClient, IAsyncDisposable)> ConnectAsync(IReadOnlyDictionary<string, string?>? settings = null) =>
        HttpConnect.ConnectAsync(settings, protocolVersion: null, expectSession: false);
}

/// <summary>HTTP with the initialize handshake and a session, as Claude Desktop, VS Code and Cursor use it.</summary>
public sealed class HttpSessionTests : McpClientContractTests
{
    protected override Task<(McpClient, IAsyncDisposable)> ConnectAsync(IReadOnlyDictionary<string, string?>? settings = null) =>
        HttpConnect.ConnectAsync(settings, protocolVersion: "2025-11-25", expectSession: true);
}

/// <summary>HTTP in stateless mode, with a 2025 client that still performs the handshake.</summary>
public sealed class HttpStatelessTests : McpClientContractTests
{
    protected override Task<(McpClient, IAsyncDisposable)> ConnectAsync(IReadOnlyDictionary<string, string?>? settings = null) =>
        HttpConnect.ConnectAsync(With(settings, "MCP_HTTP_STATELESS"), protocolVersion: "2025-06-18", expectSession: false);

    internal static Dictionary<string, string?> With(IReadOnlyDictionary<string, string?>? settings, string key) =>
        new(settings ?? new Dictionary<string, string?>()) { [key] = "true" };
}

/// <summary>HTTP answering with single JSON bodies instead of SSE.</summary>
public sealed class HttpJsonResponseTests : McpClientContractTests
{
    protected override Task<(McpClient, IAsyncDisposable)> ConnectAsync(IReadOnlyDictionary<string, string?>? settings = null) =>
        HttpConnect.ConnectAsync(HttpStatelessTests.With(settings, "MCP_HTTP_JSON_RESPONSE"), protocolVersion: "2025-11-25", expectSession: true);
}

internal static class HttpConnect
{
    /// <summary>
    /// The 2.3.1 client gives its first probe (server/discover, the 2026-07-28 revision) only 5 seconds and then
    /// silently falls back to initialize; on a loaded 2-core CI machine a cold server can miss that, so the tests
    /// that check which revision was negotiated allow more.
    /// </summary>
    public static McpClientOptions ClientOptions(string? protocolVersion) =>
        new() { ProtocolVersion = protocolVersion, DiscoverProbeTimeout = TimeSpan.FromSeconds(30) };

    public static async Task<(McpClient, IAsyncDisposable)> ConnectAsync(
        IReadOnlyDictionary<string, string?>? settings, string? protocolVersion, bool expectSession)
    {
        var host = await McpTestHost.StartAsync(settings);
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = host.Endpoint,
            TransportMode = HttpTransportMode.StreamableHttp,
        });
        var client = await McpClient.CreateAsync(transport, ClientOptions(protocolVersion));
        Assert.Equal(protocolVersion ?? "2026-07-28", client.NegotiatedProtocolVersion);
        Assert.Equal(expectSession, client.SessionId is not null);
        return (client, host);
    }
}
