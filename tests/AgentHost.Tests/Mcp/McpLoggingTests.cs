using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Client;

namespace AgentHost.Tests.Mcp;

/// <summary>The SDK's per-request Information lines stay out of the log (issue 8.5); its warnings do not.</summary>
public sealed class McpLoggingTests
{
    [Fact]
    public async Task Requests_log_no_sdk_information_lines_while_sdk_warnings_still_come_through()
    {
        var log = new CapturingLoggerProvider();
        await using var host = await McpTestHost.StartAsync(configureServices: services => services.AddSingleton<ILoggerProvider>(log));
        var transport = new HttpClientTransport(new HttpClientTransportOptions { Endpoint = host.Endpoint, TransportMode = HttpTransportMode.StreamableHttp });
        await using var client = await McpClient.CreateAsync(transport, HttpConnect.ClientOptions("2025-11-25"));

        await client.ListToolsAsync();
        await client.CallToolAsync("echo", new Dictionary<string, object?> { ["text"] = "quiet" });
        await Assert.ThrowsAsync<McpProtocolException>(async () => await client.CallToolAsync("no_such_tool"));

        var sdk = log.Entries.Where(e => e.Category.StartsWith("ModelContextProtocol", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(sdk, e => e.Level == LogLevel.Information && e.Category is "ModelContextProtocol.Server.McpServer" or "ModelContextProtocol.Server.StreamableHttpServerTransport");
        Assert.Contains(sdk, e => e.Level == LogLevel.Warning && e.Message.Contains("'tools/call' request handler failed", StringComparison.Ordinal));
    }

    private sealed record Entry(string Category, LogLevel Level, string Message);

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<Entry> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                provider.Entries.Enqueue(new Entry(category, logLevel, formatter(state, exception)));
        }
    }
}
