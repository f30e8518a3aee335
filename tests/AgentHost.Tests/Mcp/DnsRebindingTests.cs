using System.Net;

namespace AgentHost.Tests.Mcp;

/// <summary>DNS rebinding: a foreign name pointing at 127.0.0.1 must not reach /mcp, even "same-origin".</summary>
public sealed class DnsRebindingTests
{
    [Fact]
    public async Task A_request_to_the_loopback_server_under_a_foreign_host_name_is_403_even_when_origin_matches_it()
    {
        await using var host = await McpTestHost.StartAsync();
        var port = host.Endpoint.Port;
        using var request = RawMcpHttp.Post(RawMcpHttp.InitializeBody, origin: $"http://rebound.example:{port}");
        request.Headers.Host = $"rebound.example:{port}";

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("not a loopback name", (await RawMcpHttp.ReadJsonAsync(response)).GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    public async Task Loopback_host_names_are_accepted(string name)
    {
        await using var host = await McpTestHost.StartAsync();
        using var request = RawMcpHttp.Post(RawMcpHttp.InitializeBody);
        request.Headers.Host = $"{name}:{host.Endpoint.Port}";

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
