using System.Net;

namespace AgentHost.Tests.Mcp;

/// <summary>The optional modes of /mcp: stateless, single JSON responses, extra allowed origins.</summary>
public sealed class StreamableHttpModesTests
{
    [Fact]
    public async Task Stateless_mode_answers_every_post_without_a_session_and_refuses_get_and_delete_with_405()
    {
        await using var host = await McpTestHost.StartAsync(new Dictionary<string, string?> { ["MCP_HTTP_STATELESS"] = "true" });

        using var initialize = await host.Http.SendAsync(RawMcpHttp.Post(RawMcpHttp.InitializeBody));
        using var list = await host.Http.SendAsync(RawMcpHttp.Post(RawMcpHttp.ToolsListBody, protocolVersion: "2025-11-25"));
        using var get = await host.Http.SendAsync(RawMcpHttp.Get(null));
        using var delete = await host.Http.SendAsync(RawMcpHttp.Delete("anything"));
        using var withSession = await host.Http.SendAsync(RawMcpHttp.Post(RawMcpHttp.ToolsListBody, sessionId: "abc"));

        Assert.Equal(HttpStatusCode.OK, initialize.StatusCode);
        Assert.False(initialize.Headers.Contains("Mcp-Session-Id"));
        var tools = Assert.Single(await RawMcpHttp.ReadEventsAsync(list)).GetProperty("result").GetProperty("tools");
        Assert.Equal(4, tools.GetArrayLength());
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, delete.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withSession.StatusCode);
    }

    [Fact]
    public async Task Json_response_mode_answers_a_request_with_one_json_body()
    {
        await using var host = await McpTestHost.StartAsync(new Dictionary<string, string?> { ["MCP_HTTP_JSON_RESPONSE"] = "true" });

        using var initialize = await host.Http.SendAsync(RawMcpHttp.Post(RawMcpHttp.InitializeBody));
        var sessionId = initialize.Headers.GetValues("Mcp-Session-Id").Single();
        using var initialized = await host.Http.SendAsync(RawMcpHttp.Post(RawMcpHttp.InitializedNotification, sessionId: sessionId));
        using var list = await host.Http.SendAsync(RawMcpHttp.Post(RawMcpHttp.ToolsListBody, sessionId: sessionId));

        Assert.Equal("application/json", initialize.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, (await RawMcpHttp.ReadJsonAsync(initialize)).GetProperty("id").GetInt32());
        Assert.Equal(HttpStatusCode.Accepted, initialized.StatusCode);
        Assert.Equal("application/json", list.Content.Headers.ContentType?.MediaType);
        Assert.Equal(4, (await RawMcpHttp.ReadJsonAsync(list)).GetProperty("result").GetProperty("tools").GetArrayLength());
    }

    [Fact]
    public async Task An_origin_listed_in_MCP_ALLOWED_ORIGINS_is_allowed_and_others_still_are_not()
    {
        await using var host = await McpTestHost.StartAsync(new Dictionary<string, string?> { ["MCP_ALLOWED_ORIGINS"] = "https://desk.example.com, https://other.example.com" });

        using var allowed = await host.Http.SendAsync(RawMcpHttp.Post(RawMcpHttp.InitializeBody, origin: "https://desk.example.com"));
        using var refused = await host.Http.SendAsync(RawMcpHttp.Post(RawMcpHttp.InitializeBody, origin: "https://desk.example.com.evil.test"));

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}
