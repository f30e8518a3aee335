using System.ComponentModel;
using System.Net;
using AgentHost.Tools;
using Microsoft.Extensions.AI;

namespace AgentHost.Tests.Mcp;

/// <summary>
/// notifications/cancelled (cancellation utility): the tool call stops, and the cancelled request gets no answer;
/// its POST stream ends instead of waiting forever for one.
/// </summary>
public sealed class McpCancellationTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_cancelled_tool_call_stops_and_its_post_ends_without_an_answer(bool jsonResponse)
    {
        var tool = new BlockingTool();
        await using var host = await McpTestHost.StartAsync(
            new Dictionary<string, string?> { ["MCP_HTTP_JSON_RESPONSE"] = jsonResponse ? "true" : "false" },
            [.. FakeTicketTools.All, tool.Definition]);
        var sessionId = await RawMcpHttp.InitializeSessionAsync(host.Http);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var call = host.Http.SendAsync(
            RawMcpHttp.Post("""{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"block","arguments":{}}}""", sessionId: sessionId, protocolVersion: "2025-11-25"),
            HttpCompletionOption.ResponseHeadersRead, deadline.Token);
        await tool.Started.Task.WaitAsync(deadline.Token);
        using var cancel = await host.Http.SendAsync(
            RawMcpHttp.Post("""{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":7,"reason":"user pressed stop"}}""", sessionId: sessionId, protocolVersion: "2025-11-25"),
            deadline.Token);

        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        Assert.True(await tool.Cancelled.Task.WaitAsync(deadline.Token));
        using var response = await call;
        var body = await response.Content.ReadAsStringAsync(deadline.Token);
        Assert.DoesNotContain("\"id\":7", body, StringComparison.Ordinal);
        Assert.Equal(jsonResponse ? HttpStatusCode.Accepted : HttpStatusCode.OK, response.StatusCode);
        // The session is still fine for the next request.
        using var next = await host.Http.SendAsync(RawMcpHttp.Post(RawMcpHttp.ToolsListBody, sessionId: sessionId, protocolVersion: "2025-11-25"), deadline.Token);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task A_cancellation_for_an_unknown_or_finished_request_is_accepted_and_ignored()
    {
        await using var host = await McpTestHost.StartAsync();
        var sessionId = await RawMcpHttp.InitializeSessionAsync(host.Http);

        using var unknown = await host.Http.SendAsync(RawMcpHttp.Post("""{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":"nope"}}""", sessionId: sessionId));
        using var malformed = await host.Http.SendAsync(RawMcpHttp.Post("""{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"reason":42}}""", sessionId: sessionId));

        Assert.Equal(HttpStatusCode.Accepted, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, malformed.StatusCode);
    }

    /// <summary>A tool that waits until it is cancelled and reports both moments.</summary>
    private sealed class BlockingTool
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<bool> Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TicketToolDefinition Definition => new(
            AIFunctionFactory.Create(BlockAsync, "block", "Waits until cancelled."),
            "Block", ReadOnly: true, Destructive: false, Idempotent: true);

        [Description("Waits until cancelled.")]
        private async Task<object> BlockAsync(CancellationToken cancellationToken)
        {
            Started.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return new { ok = true, summary = "never" };
            }
            catch (OperationCanceledException)
            {
                Cancelled.TrySetResult(true);
                throw;
            }
        }
    }
}
