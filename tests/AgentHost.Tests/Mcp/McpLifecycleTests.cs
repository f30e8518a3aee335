using System.Net;

namespace AgentHost.Tests.Mcp;

/// <summary>
/// The initialize handshake as the lifecycle section of the spec states it (issue 8.7): version negotiation that
/// answers a version the server speaks, and a failed handshake that leaves nothing behind.
/// </summary>
public sealed class McpLifecycleTests : IAsyncLifetime
{
    private McpTestHost _host = null!;

    public async Task InitializeAsync() => _host = await McpTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("2099-01-01")]
    [InlineData("draft")]
    public async Task Initialize_with_a_version_the_server_does_not_know_is_answered_with_the_latest_it_supports(string requested)
    {
        using var response = await _host.Http.SendAsync(RawMcpHttp.Post(Initialize(requested)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = Assert.Single(await RawMcpHttp.ReadEventsAsync(response));
        Assert.False(message.TryGetProperty("error", out _), message.ToString());
        Assert.Equal("2025-11-25", message.GetProperty("result").GetProperty("protocolVersion").GetString());
        Assert.Single(response.Headers.GetValues("Mcp-Session-Id"));
    }

    [Fact]
    public async Task Initialize_with_a_supported_older_version_is_answered_with_that_same_version()
    {
        using var response = await _host.Http.SendAsync(RawMcpHttp.Post(Initialize("2025-03-26")));

        var message = Assert.Single(await RawMcpHttp.ReadEventsAsync(response));
        Assert.Equal("2025-03-26", message.GetProperty("result").GetProperty("protocolVersion").GetString());
    }

    [Fact]
    public async Task A_failed_initialize_gets_its_error_without_a_session_id_and_leaves_no_session()
    {
        var before = SessionLimitsTests.Sessions(_host).Count;

        // 2026-07-28 is known but has no initialize handshake: the SDK refuses it (-32022) so a client falls back.
        using var response = await _host.Http.SendAsync(RawMcpHttp.Post(Initialize("2026-07-28")));

        var message = Assert.Single(await RawMcpHttp.ReadEventsAsync(response));
        Assert.Equal(-32022, message.GetProperty("error").GetProperty("code").GetInt32());
        Assert.False(response.Headers.Contains("Mcp-Session-Id"));
        Assert.Equal(before, SessionLimitsTests.Sessions(_host).Count);
    }

    [Theory]
    [InlineData("""{"protocolVersion":5,"capabilities":{},"clientInfo":{"name":"x","version":"1"}}""")]
    [InlineData("""{"capabilities":{}}""")]
    [InlineData("\"initialize me\"")]
    public async Task Initialize_with_malformed_params_is_400_invalid_params_and_leaves_no_session(string parameters)
    {
        var before = SessionLimitsTests.Sessions(_host).Count;

        using var response = await _host.Http.SendAsync(RawMcpHttp.Post($$"""{"jsonrpc":"2.0","id":9,"method":"initialize","params":{{parameters}}}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await RawMcpHttp.ReadJsonAsync(response);
        Assert.Equal(-32602, error.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(9, error.GetProperty("id").GetInt32());
        Assert.False(response.Headers.Contains("Mcp-Session-Id"));
        Assert.Equal(before, SessionLimitsTests.Sessions(_host).Count);
    }

    internal static string Initialize(string protocolVersion) =>
        RawMcpHttp.InitializeBody.Replace("\"2025-11-25\"", $"\"{protocolVersion}\"", StringComparison.Ordinal);
}
