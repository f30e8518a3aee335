using AgentHost.Mcp;
using Microsoft.Extensions.Configuration;

namespace AgentHost.Tests.Mcp;

public sealed class McpServerSettingsTests
{
    [Fact]
    public void Session_limits_default_to_a_thousand_sessions_and_thirty_minutes_idle()
    {
        var settings = McpServerSettings.FromConfiguration(Configuration([]));

        Assert.Equal(1000, settings.MaxSessions);
        Assert.Equal(TimeSpan.FromMinutes(30), settings.SessionIdleTimeout);
    }

    [Fact]
    public void Session_limits_are_read_from_MCP_MAX_SESSIONS_and_MCP_SESSION_IDLE_TIMEOUT()
    {
        var settings = McpServerSettings.FromConfiguration(Configuration(new() { ["MCP_MAX_SESSIONS"] = "50", ["MCP_SESSION_IDLE_TIMEOUT"] = "01:15:00" }));

        Assert.Equal(50, settings.MaxSessions);
        Assert.Equal(TimeSpan.FromMinutes(75), settings.SessionIdleTimeout);
    }

    [Theory]
    [InlineData("MCP_MAX_SESSIONS", "0")]
    [InlineData("MCP_MAX_SESSIONS", "-5")]
    [InlineData("MCP_MAX_SESSIONS", "lots")]
    [InlineData("MCP_SESSION_IDLE_TIMEOUT", "1800")]
    [InlineData("MCP_SESSION_IDLE_TIMEOUT", "00:00:00")]
    [InlineData("MCP_SESSION_IDLE_TIMEOUT", "half an hour")]
    public void A_malformed_session_limit_stops_startup_with_a_message_naming_the_variable(string name, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => McpServerSettings.FromConfiguration(Configuration(new() { [name] = value })));

        Assert.StartsWith($"{name} '{value}'", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
