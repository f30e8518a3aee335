using System.Net;
using System.Text.Json;

namespace AgentHost.Tests.Mcp;

/// <summary>The HTTP rules of the Streamable HTTP transport on /mcp, checked with hand-made requests.</summary>
public sealed class StreamableHttpProtocolTests : IAsyncLifetime
{
    private McpTestHost _host = null!;

    public async Task InitializeAsync() => _host = await McpTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Initialize_returns_a_session_id_and_the_result_as_an_event_stream()
    {
        using var response = await _host.Http.SendAsync(RawMcpHttp.Post(RawMcpHttp.InitializeBody));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(response.Headers.GetValues("Mcp-Session-Id").Single()));
        var message = Assert.Single(await RawMcpHttp.ReadEventsAsync(response));
        Assert.Equal(1, message.GetProperty("id").GetInt32());
        var result = message.GetProperty("result");
        Assert.Equal("2025-11-25", result.GetProperty("protocolVersion").GetString());
        Assert.Equal("agenttickets", result.GetProperty("serverInfo").GetProperty("name").GetString());
        Assert.Contains("Search before creating", result.GetProperty("instructions").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_lists_tools_after_the_initialized_notification_is_accepted_with_202()
    {
        var sessionId = await RawMcpHttp.InitializeSessionAsync(_host.Http);

        using var response = await _host.Http.SendAsync(RawMcpHttp.Post(RawMcpHttp.ToolsListBody, sessionId: sessionId, protocolVersion: "2025-11-25"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(sessionId, response.Headers.GetValues("Mcp-Session-Id").Single());
        var tools = Assert.Single(await RawMcpHttp.ReadEventsAsync(response)).GetProperty("result").GetProperty("tools");
        Assert.Equal(["echo", "refuse", "write_thing", "explode"], tools.EnumerateArray().Select(t => t.GetProperty("name").GetString()));
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/event-stream")]
    [InlineData("text/html")]
    public async Task Post_without_accepting_both_json_and_event_stream_is_406(string accept)
    {
        using var response = await _host.Http.SendAsync(RawMcpHttp.Post(RawMcpHttp.InitializeBody, accept: accept));

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        var error = await RawMcpHttp.ReadJsonAsync(response);
        Assert.Contains("must accept both", error.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"jsonrpc":"2.0"}""")]
    [InlineData("[]")]
    [InlineData("[42]")]
    [InlineData("42")]
    public async Task Post_of_malformed_json_rpc_is_400_with_a_json_rpc_error(string body)
    {
        using var response = await _host.Http.SendAsync(RawMcpHttp.Post(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await RawMcpHttp.ReadJsonAsync(response);
        Assert.Equal("2.0", error.GetProperty("jsonrpc").GetString());
        Assert.Contains("valid JSON-RPC message", error.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_with_a_non_json_content_type_is_415()
    {
        using var response = await _host.Http.SendAsync(RawMcpHttp.Post(RawMcpHttp.InitializeBody, contentType: "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Post_with_an_unsupported_protocol_version_header_is_400()
    {
        using var response = await _host.Http.SendAsync(RawMcpHttp.Post(RawMcpHttp.ToolsListBody, protocolVersion: "1999-01-01"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await RawMcpHttp.ReadJsonAsync(response)).GetProperty("error").GetProperty("message").GetString();
        Assert.Contains("'1999-01-01' is not supported", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Non_initialize_request_without_a_session_is_400()
    {
        using var response = await _host.Http.SendAsync(RawMcpHttp.Post(RawMcpHttp.ToolsListBody));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Mcp-Session-Id"));
    }

    [Fact]
    public async Task Unknown_session_is_404_with_the_session_not_found_code()
    {
        using var response = await _host.Http.SendAsync(RawMcpHttp.Post(RawMcpHttp.ToolsListBody, sessionId: "no-such-session"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(-32001, (await RawMcpHttp.ReadJsonAsync(response)).GetProperty("error").GetProperty("code").GetInt32());
    }

    [Theory]
    [InlineData("http://evil.example")]
    [InlineData("https://attacker.test:8443")]
    [InlineData("null")]
    public async Task Foreign_origin_is_rejected_with_403(string origin)
    {
        using var response = await _host.Http.SendAsync(RawMcpHttp.Post(RawMcpHttp.InitializeBody, origin: origin));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("Mcp-Session-Id"));
    }

    [Theory]
    [InlineData("http://localhost:5173")]
    [InlineData("http://127.0.0.1:6274")]
    [InlineData("http://[::1]")]
    public async Task Loopback_origin_is_allowed(string origin)
    {
        using var response = await _host.Http.SendAsync(RawMcpHttp.Post(RawMcpHttp.InitializeBody, origin: origin));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_servers_own_origin_is_allowed()
    {
        var origin = _host.Endpoint.GetLeftPart(UriPartial.Authority);

        using var response = await _host.Http.SendAsync(RawMcpHttp.Post(RawMcpHttp.InitializeBody, origin: origin));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Foreign_origin_is_rejected_on_get_and_delete_too()
    {
        var sessionId = await RawMcpHttp.InitializeSessionAsync(_host.Http);
        using var get = RawMcpHttp.Get(sessionId);
        get.Headers.Add("Origin", "http://evil.example");
        using var delete = RawMcpHttp.Delete(sessionId);
        delete.Headers.Add("Origin", "http://evil.example");

        using var getResponse = await _host.Http.SendAsync(get);
        using var deleteResponse = await _host.Http.SendAsync(delete);

        Assert.Equal(HttpStatusCode.Forbidden, getResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, deleteResponse.StatusCode);
        using var stillThere = await _host.Http.SendAsync(RawMcpHttp.Post(RawMcpHttp.ToolsListBody, sessionId: sessionId));
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
    }

    [Fact]
    public async Task Delete_ends_the_session_and_later_requests_get_404()
    {
        var sessionId = await RawMcpHttp.InitializeSessionAsync(_host.Http);

        using var deleted = await _host.Http.SendAsync(RawMcpHttp.Delete(sessionId));
        using var after = await _host.Http.SendAsync(RawMcpHttp.Post(RawMcpHttp.ToolsListBody, sessionId: sessionId));
        using var deletedAgain = await _host.Http.SendAsync(RawMcpHttp.Delete(sessionId));

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, deletedAgain.StatusCode);
    }

    [Fact]
    public async Task Delete_without_a_session_id_is_400()
    {
        using var response = await _host.Http.SendAsync(RawMcpHttp.Delete(null));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Get_opens_the_server_stream_which_delete_closes()
    {
        var sessionId = await RawMcpHttp.InitializeSessionAsync(_host.Http);

        using var stream = await _host.Http.SendAsync(RawMcpHttp.Get(sessionId), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
        Assert.Equal(sessionId, stream.Headers.GetValues("Mcp-Session-Id").Single());

        // Only one standalone stream per session.
        using var second = await _host.Http.SendAsync(RawMcpHttp.Get(sessionId));
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);

        using var deleted = await _host.Http.SendAsync(RawMcpHttp.Delete(sessionId));
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        // Ending the session ends the stream: reading it to the end must finish, not hang.
        var body = await stream.Content.ReadAsStringAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("", body);
    }

    [Fact]
    public async Task Get_asking_to_resume_with_Last_Event_ID_is_400_because_streams_are_not_stored()
    {
        var sessionId = await RawMcpHttp.InitializeSessionAsync(_host.Http);
        using var request = RawMcpHttp.Get(sessionId);
        request.Headers.Add("Last-Event-ID", "42");

        using var response = await _host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("resuming", (await RawMcpHttp.ReadJsonAsync(response)).GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_without_accepting_event_stream_is_406()
    {
        var sessionId = await RawMcpHttp.InitializeSessionAsync(_host.Http);

        using var response = await _host.Http.SendAsync(RawMcpHttp.Get(sessionId, accept: "application/json"));

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Fact]
    public async Task Get_for_an_unknown_session_is_404_and_without_one_is_400()
    {
        using var unknown = await _host.Http.SendAsync(RawMcpHttp.Get("no-such-session"));
        using var missing = await _host.Http.SendAsync(RawMcpHttp.Get(null));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }

    [Fact]
    public async Task Get_and_delete_on_the_sessionless_2026_revision_are_405()
    {
        using var get = await _host.Http.SendAsync(RawMcpHttp.Get(null, protocolVersion: "2026-07-28"));
        using var delete = RawMcpHttp.Delete(null);
        delete.Headers.Add("MCP-Protocol-Version", "2026-07-28");
        using var deleteResponse = await _host.Http.SendAsync(delete);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, deleteResponse.StatusCode);
        Assert.Equal("POST", string.Join(",", get.Content.Headers.Allow));
    }

    [Fact]
    public async Task Tool_call_in_a_session_streams_the_result()
    {
        var sessionId = await RawMcpHttp.InitializeSessionAsync(_host.Http);
        const string call = """{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"echo","arguments":{"text":"hello"}}}""";

        using var response = await _host.Http.SendAsync(RawMcpHttp.Post(call, sessionId: sessionId, protocolVersion: "2025-11-25"));

        var result = Assert.Single(await RawMcpHttp.ReadEventsAsync(response)).GetProperty("result");
        Assert.False(result.TryGetProperty("isError", out var isError) && isError.GetBoolean());
        Assert.Contains("echo: hello", result.GetProperty("content")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sessions_are_independent()
    {
        var first = await RawMcpHttp.InitializeSessionAsync(_host.Http);
        var second = await RawMcpHttp.InitializeSessionAsync(_host.Http);

        using var deleted = await _host.Http.SendAsync(RawMcpHttp.Delete(first));
        using var stillAlive = await _host.Http.SendAsync(RawMcpHttp.Post(RawMcpHttp.ToolsListBody, sessionId: second));

        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.OK, stillAlive.StatusCode);
    }

    internal static JsonElement FirstText(JsonElement result) => result.GetProperty("content")[0].GetProperty("text");
}
