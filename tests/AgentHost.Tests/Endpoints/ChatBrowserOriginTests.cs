using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AgentHost.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using TicketApi.Http;
using static AgentHost.Tests.Support.ScriptedChatClient;

namespace AgentHost.Tests.Endpoints;

/// <summary>docs/chat-sse.md, "Browsers": pages of other sites cannot drive /chat; allowed origins can, with CORS.</summary>
public class ChatBrowserOriginTests
{
    private static ScriptedChatClient Model() => new(_ => [Text("ok")]) { RepeatLastStep = true };

    private static HttpRequestMessage Chat(params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/chat?message=create%20a%20ticket");
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    [Theory]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("Origin", "null")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    public async Task A_request_from_another_site_is_a_403_problem_and_runs_nothing(string header, string value)
    {
        var model = Model();
        await using var factory = new AgentHostFactory { Provider = model };

        using var response = await factory.CreateClient().SendAsync(Chat((header, value)));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(value, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, model.CallCount);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("Origin", "http://localhost:5173")]
    [InlineData("Origin", "http://localhost")]
    [InlineData("Sec-Fetch-Site", "same-origin")]
    [InlineData("Sec-Fetch-Site", "none")]
    public async Task Curl_the_cli_loopback_pages_and_the_hosts_own_pages_are_served(string? header, string? value)
    {
        await using var factory = new AgentHostFactory { Provider = Model() };
        using var request = header is null ? Chat() : Chat((header, value!));

        using var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_configured_origin_is_served_with_cors_headers_and_its_preflight_passes()
    {
        await using var factory = new AgentHostFactory
        {
            Provider = Model(),
            Environment = { ["CORS_ALLOWED_ORIGINS"] = "https://desk.example.com" },
        };
        var client = factory.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/chat");
        preflight.Headers.Add("Origin", "https://desk.example.com");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type,idempotency-key");

        using var preflightResponse = await client.SendAsync(preflight);
        using var response = await client.SendAsync(Chat(("Origin", "https://desk.example.com")));

        Assert.Equal(HttpStatusCode.NoContent, preflightResponse.StatusCode);
        Assert.Equal("https://desk.example.com", Assert.Single(preflightResponse.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("idempotency-key", preflightResponse.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("https://desk.example.com", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    [Fact]
    public async Task A_preflight_from_another_origin_gets_no_cors_permission()
    {
        await using var factory = new AgentHostFactory { Provider = Model() };
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/chat");
        preflight.Headers.Add("Origin", "https://evil.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");

        using var response = await factory.CreateClient().SendAsync(preflight);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_rebound_host_name_is_refused_unless_it_is_in_ALLOWED_HOSTS()
    {
        await using var plain = new AgentHostFactory { Provider = Model() };
        await using var configured = new AgentHostFactory { Provider = Model(), Environment = { ["ALLOWED_HOSTS"] = "desk.example.com" } };
        using var rebound = Chat();
        rebound.Headers.Host = "desk.example.com";
        using var named = Chat();
        named.Headers.Host = "desk.example.com";

        using var refused = await plain.CreateClient().SendAsync(rebound);
        using var served = await configured.CreateClient().SendAsync(named);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("ALLOWED_HOSTS", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task Mcp_follows_the_same_rule_a_configured_public_name_passes_and_a_cross_site_frame_does_not()
    {
        await using var host = await Mcp.McpTestHost.StartAsync(new Dictionary<string, string?> { ["ALLOWED_HOSTS"] = "desk.example.com" });
        using var named = Mcp.RawMcpHttp.Post(Mcp.RawMcpHttp.InitializeBody);
        named.Headers.Host = $"desk.example.com:{host.Endpoint.Port}";
        using var framed = Mcp.RawMcpHttp.Post(Mcp.RawMcpHttp.InitializeBody);
        framed.Headers.Add("Sec-Fetch-Site", "cross-site");

        using var served = await host.Http.SendAsync(named);
        using var refused = await host.Http.SendAsync(framed);

        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public void Behind_a_non_loopback_bind_the_host_is_still_checked()
    {
        var rule = new BrowserOriginRule(BrowserOriginSettings.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ALLOWED_HOSTS"] = "desk.example.com" }).Build()));
        var rebound = new DefaultHttpContext();
        rebound.Connection.LocalIpAddress = IPAddress.Parse("10.1.2.3");
        rebound.Request.Host = new HostString("evil.example", 8100);
        rebound.Request.Headers.Origin = "http://evil.example:8100";
        var named = new DefaultHttpContext();
        named.Connection.LocalIpAddress = IPAddress.Parse("10.1.2.3");
        named.Request.Host = new HostString("desk.example.com");
        named.Request.Headers.Origin = "https://desk.example.com";

        Assert.Contains("evil.example", rule.RefusalOf(rebound.Request), StringComparison.Ordinal);
        Assert.Null(rule.RefusalOf(named.Request)); // same origin under a configured public name
    }
}
