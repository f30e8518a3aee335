using System.Text.Json;
using ModelContextProtocol.Client;

namespace AgentHost.Tests.Mcp;

/// <summary>
/// <c>AgentHost --mcp-stdio</c> as a real child process: what Claude Desktop, VS Code and Cursor launch.
/// </summary>
public sealed class StdioProcessTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_sdk_stdio_client_initializes_and_lists_the_snapshot_tools()
    {
        using var process = new AgentHostProcess();
        var stderr = new List<string>();
        // A cold child process on a loaded machine can miss the client's 5-second server/discover probe.
        await using var client = await McpClient.CreateAsync(process.ClientTransport(stderr), HttpConnect.ClientOptions(null));

        var tools = await client.ListToolsAsync();

        Assert.Equal("agenttickets", client.ServerInfo?.Name);
        Assert.Contains("Search before creating", client.ServerInstructions, StringComparison.Ordinal);
        ToolSnapshot.AssertMatches(tools);
    }

    [Fact]
    public async Task Stdio_mode_writes_only_protocol_messages_to_stdout_opens_no_listening_socket_and_exits_when_stdin_closes()
    {
        using var host = new AgentHostProcess();
        using var process = host.StartRaw();
        var stderrTask = process.StandardError.ReadToEndAsync();
        string[] requests =
        [
            RawMcpHttp.InitializeBody,
            RawMcpHttp.InitializedNotification,
            RawMcpHttp.ToolsListBody,
            // A tool call makes the HTTP client, the retry pipeline and the ticket service log: the likeliest leak.
            """{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"get_ticket","arguments":{"id":424242}}}""",
        ];
        foreach (var request in requests)
        {
            await process.StandardInput.WriteLineAsync(request);
        }

        await process.StandardInput.FlushAsync();

        var lines = new List<string>();
        var answered = new HashSet<int>();
        using var timeout = new CancellationTokenSource(Patience);
        while (answered.Count < 3)
        {
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                       ?? throw new InvalidOperationException("stdout closed early; stderr: " + await stderrTask);
            lines.Add(line);
            if (JsonDocument.Parse(line).RootElement.TryGetProperty("id", out var id))
            {
                answered.Add(id.GetInt32());
            }
        }

        if (ListeningSockets.CanInspect)
        {
            Assert.Empty(ListeningSockets.Of(process.Id));
        }

        process.StandardInput.Close();
        lines.AddRange((await process.StandardOutput.ReadToEndAsync(timeout.Token)).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(0, process.ExitCode);
        Assert.All(lines, line => Assert.Equal("2.0", JsonDocument.Parse(line).RootElement.GetProperty("jsonrpc").GetString()));
        Assert.Contains("transport reading messages", await stderrTask, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_stdio_initialize_with_an_unknown_future_version_is_answered_with_the_latest_supported_one()
    {
        using var host = new AgentHostProcess();
        using var process = host.StartRaw();
        using var timeout = new CancellationTokenSource(Patience);

        await process.StandardInput.WriteLineAsync(McpLifecycleTests.Initialize("2099-01-01"));
        await process.StandardInput.FlushAsync();
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        process.StandardInput.Close();
        await process.WaitForExitAsync(timeout.Token);

        var answer = JsonDocument.Parse(line!).RootElement;
        Assert.Equal("2025-11-25", answer.GetProperty("result").GetProperty("protocolVersion").GetString());
    }

    [Fact]
    public void The_listening_socket_check_sees_a_socket_this_test_process_listens_on()
    {
        // Guards the check above: were /proc parsing broken, "no listening socket" would pass vacuously.
        Assert.True(ListeningSockets.CanInspect, "These tests run on Linux, where /proc/net/tcp exists.");
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;

        Assert.Contains(ListeningSockets.Of(Environment.ProcessId), s => s.EndsWith($"(port {port})", StringComparison.Ordinal));
    }
}
