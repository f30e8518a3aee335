using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace AgentHost.Tests.Mcp;

/// <summary>Sessions whose client vanished without DELETE do not pile up forever.</summary>
public sealed class SessionExpiryTests
{
    [Fact]
    public async Task A_session_idle_longer_than_the_timeout_is_closed_when_the_next_session_starts()
    {
        var clock = new ManualClock();
        await using var host = await McpTestHost.StartAsync(configureServices: services => services.AddSingleton<TimeProvider>(clock));
        var old = await RawMcpHttp.InitializeSessionAsync(host.Http);
        var recent = await RawMcpHttp.InitializeSessionAsync(host.Http);

        clock.Advance(TimeSpan.FromHours(1));
        using (var keepAlive = await host.Http.SendAsync(RawMcpHttp.Post(RawMcpHttp.ToolsListBody, sessionId: recent)))
        {
            Assert.Equal(HttpStatusCode.OK, keepAlive.StatusCode);
        }

        clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        await RawMcpHttp.InitializeSessionAsync(host.Http);

        using var oldAfter = await host.Http.SendAsync(RawMcpHttp.Post(RawMcpHttp.ToolsListBody, sessionId: old));
        using var recentAfter = await host.Http.SendAsync(RawMcpHttp.Post(RawMcpHttp.ToolsListBody, sessionId: recent));
        Assert.Equal(HttpStatusCode.NotFound, oldAfter.StatusCode);
        Assert.Equal(HttpStatusCode.OK, recentAfter.StatusCode);
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2025, 1, 8, 9, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
