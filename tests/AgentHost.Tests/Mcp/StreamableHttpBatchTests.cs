using System.Net;
using System.Text.Json;

namespace AgentHost.Tests.Mcp;

/// <summary>
/// JSON-RPC batches: the 2025-03-26 revision allows a POST body that is an array of messages; 2025-06-18 removed
/// them, so later revisions get 400 Invalid Request (-32600).
/// </summary>
public sealed class StreamableHttpBatchTests
{
    private const string ListAndEcho =
        """[{"jsonrpc":"2.0","id":2,"method":"tools/list"},{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"echo","arguments":{"text":"batched"}}}]""";

    [Fact]
    public async Task On_2025_03_26_a_batch_of_requests_gets_one_response_per_request_on_the_event_stream()
    {
        await using var host = await McpTestHost.StartAsync();
        var sessionId = await InitializeAsync(host, "2025-03-26");

        using var response = await host.Http.SendAsync(RawMcpHttp.Post(ListAndEcho, sessionId: sessionId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var byId = (await RawMcpHttp.ReadEventsAsync(response)).ToDictionary(m => m.GetProperty("id").GetInt32());
        Assert.Equal([2, 3], byId.Keys.Order());
        Assert.Equal(4, byId[2].GetProperty("result").GetProperty("tools").GetArrayLength());
        Assert.Contains("echo: batched", StreamableHttpProtocolTests.FirstText(byId[3].GetProperty("result")).GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_2025_03_26_in_json_response_mode_a_batch_is_answered_with_an_array_of_responses()
    {
        await using var host = await McpTestHost.StartAsync(new Dictionary<string, string?> { ["MCP_HTTP_JSON_RESPONSE"] = "true" });
        var sessionId = await InitializeAsync(host, "2025-03-26");

        using var response = await host.Http.SendAsync(RawMcpHttp.Post(ListAndEcho, sessionId: sessionId));

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var replies = await RawMcpHttp.ReadJsonAsync(response);
        Assert.Equal(JsonValueKind.Array, replies.ValueKind);
        Assert.Equal([2, 3], replies.EnumerateArray().Select(r => r.GetProperty("id").GetInt32()).Order());
    }

    [Fact]
    public async Task On_2025_03_26_a_batch_of_only_notifications_is_accepted_with_202()
    {
        await using var host = await McpTestHost.StartAsync();
        var sessionId = await InitializeAsync(host, "2025-03-26", sendInitialized: false);

        using var response = await host.Http.SendAsync(RawMcpHttp.Post(
            """[{"jsonrpc":"2.0","method":"notifications/initialized"},{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":77}}]""",
            sessionId: sessionId));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("2025-11-25", null)]
    [InlineData("2025-06-18", null)]
    [InlineData("2025-03-26", "2025-06-18")]
    public async Task A_batch_on_a_revision_without_batches_is_400_invalid_request(string negotiated, string? header)
    {
        await using var host = await McpTestHost.StartAsync();
        var sessionId = await InitializeAsync(host, negotiated);

        using var response = await host.Http.SendAsync(RawMcpHttp.Post(ListAndEcho, sessionId: sessionId, protocolVersion: header));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await RawMcpHttp.ReadJsonAsync(response)).GetProperty("error");
        Assert.Equal(-32600, error.GetProperty("code").GetInt32());
        Assert.Contains($"not supported on protocol version {header ?? negotiated}", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_batch_on_the_sessionless_2026_07_28_revision_is_400_invalid_request()
    {
        await using var host = await McpTestHost.StartAsync();

        using var response = await host.Http.SendAsync(RawMcpHttp.Post(ListAndEcho, protocolVersion: "2026-07-28"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(-32600, (await RawMcpHttp.ReadJsonAsync(response)).GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task A_batch_holding_initialize_is_400_because_2025_03_26_forbids_it()
    {
        await using var host = await McpTestHost.StartAsync();
        var sessionId = await InitializeAsync(host, "2025-03-26");

        using var response = await host.Http.SendAsync(RawMcpHttp.Post($"[{McpLifecycleTests.Initialize("2025-03-26")}]", sessionId: sessionId));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("initialize must not be part of a JSON-RPC batch", (await RawMcpHttp.ReadJsonAsync(response)).GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_batch_without_a_session_cannot_start_one()
    {
        await using var host = await McpTestHost.StartAsync();

        using var response = await host.Http.SendAsync(RawMcpHttp.Post($"[{McpLifecycleTests.Initialize("2025-03-26")}]"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Mcp-Session-Id"));
        Assert.Equal(0, SessionLimitsTests.Sessions(host).Count);
    }

    [Fact]
    public async Task In_stateless_mode_a_batch_without_a_version_header_is_served_as_2025_03_26()
    {
        await using var host = await McpTestHost.StartAsync(new Dictionary<string, string?> { ["MCP_HTTP_STATELESS"] = "true" });

        using var accepted = await host.Http.SendAsync(RawMcpHttp.Post(ListAndEcho));
        using var refused = await host.Http.SendAsync(RawMcpHttp.Post(ListAndEcho, protocolVersion: "2025-11-25"));

        Assert.Equal([2, 3], (await RawMcpHttp.ReadEventsAsync(accepted)).Select(m => m.GetProperty("id").GetInt32()).Order());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    private static async Task<string> InitializeAsync(McpTestHost host, string protocolVersion, bool sendInitialized = true)
    {
        using var response = await host.Http.SendAsync(RawMcpHttp.Post(McpLifecycleTests.Initialize(protocolVersion)));
        response.EnsureSuccessStatusCode();
        var sessionId = response.Headers.GetValues("Mcp-Session-Id").Single();
        if (sendInitialized)
        {
            using var initialized = await host.Http.SendAsync(RawMcpHttp.Post(RawMcpHttp.InitializedNotification, sessionId: sessionId));
            Assert.Equal(HttpStatusCode.Accepted, initialized.StatusCode);
        }

        return sessionId;
    }
}
