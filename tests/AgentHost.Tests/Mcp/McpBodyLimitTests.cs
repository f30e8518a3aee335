using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace AgentHost.Tests.Mcp;

/// <summary>
/// The /mcp body limit (issue 8.4): an oversized body is refused with a 413 problem, early, never a 500, and the
/// largest message MCP really needs still fits. Raw sockets, so the test controls how much of the body is sent.
/// </summary>
public sealed class McpBodyLimitTests : IAsyncLifetime
{
    private const long FortyMegabytes = 40L * 1024 * 1024;
    private McpTestHost _host = null!;

    public async Task InitializeAsync() => _host = await McpTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_40_MB_body_is_refused_with_413_problem_after_only_its_first_64_KB_were_sent()
    {
        using var connection = await ConnectAsync();
        await connection.WriteAsync(Headers($"Content-Length: {FortyMegabytes}"));
        await connection.WriteAsync(new byte[64 * 1024]);

        var response = await ReadResponseAsync(connection);

        Assert.StartsWith("HTTP/1.1 413", response, StringComparison.Ordinal);
        Assert.Contains("application/problem+json", response, StringComparison.Ordinal);
        Assert.Contains("at most 1048576 bytes", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chunked_body_is_refused_with_413_as_soon_as_it_passes_the_limit()
    {
        using var connection = await ConnectAsync();
        await connection.WriteAsync(Headers("Transfer-Encoding: chunked"));
        // 1.5 MB of one JSON string in 64 KB chunks, never terminated: the server must stop reading on its own.
        const string prefix = "{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"params\":\"";
        await connection.WriteAsync(Chunk(prefix + new string('a', 0x10000 - prefix.Length)));
        for (var i = 0; i < 23; i++)
        {
            await connection.WriteAsync(Chunk(new string('a', 0x10000)));
        }

        var response = await ReadResponseAsync(connection);

        Assert.StartsWith("HTTP/1.1 413", response, StringComparison.Ordinal);
        Assert.Contains("application/problem+json", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_chunked_body_is_a_400_problem_not_a_500()
    {
        using var connection = await ConnectAsync();
        await connection.WriteAsync(Headers("Transfer-Encoding: chunked"));
        await connection.WriteAsync(Encoding.ASCII.GetBytes("zz\r\n{}\r\n0\r\n\r\n"));

        var response = await ReadResponseAsync(connection);

        Assert.StartsWith("HTTP/1.1 400", response, StringComparison.Ordinal);
        Assert.Contains("application/problem+json", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_largest_legitimate_tool_call_fits_a_20000_character_description_escaped_at_six_bytes_a_character()
    {
        var sessionId = await RawMcpHttp.InitializeSessionAsync(_host.Http);
        var worstCase = new string('\u0001', 20_000) + new string('\u0002', 255);
        var call = JsonSerializer.Serialize(new
        {
            jsonrpc = "2.0",
            id = 5,
            method = "tools/call",
            @params = new { name = "echo", arguments = new { text = worstCase } },
        });
        Assert.True(Encoding.UTF8.GetByteCount(call) > 120_000, "The message should be the escaped worst case.");

        using var response = await _host.Http.SendAsync(RawMcpHttp.Post(call, sessionId: sessionId, protocolVersion: "2025-11-25"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = Assert.Single(await RawMcpHttp.ReadEventsAsync(response)).GetProperty("result");
        using var echoed = JsonDocument.Parse(StreamableHttpProtocolTests.FirstText(result).GetString()!);
        Assert.Equal("echo: " + worstCase, echoed.RootElement.GetProperty("summary").GetString());
    }

    private async Task<NetworkStream> ConnectAsync()
    {
        var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _host.Endpoint.Port);
        return new NetworkStream(client.Client, ownsSocket: true);
    }

    private static byte[] Chunk(string data) => Encoding.ASCII.GetBytes($"{data.Length:x}\r\n{data}\r\n");

    private byte[] Headers(string framing) => Encoding.ASCII.GetBytes(
        $"POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:{_host.Endpoint.Port}\r\nAccept: application/json, text/event-stream\r\n" +
        $"Content-Type: application/json\r\n{framing}\r\n\r\n");

    /// <summary>Reads the status line, headers and the (small) body the server sends, until it has sent them all.</summary>
    private static async Task<string> ReadResponseAsync(NetworkStream connection)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var received = new StringBuilder();
        var buffer = new byte[8192];
        while (true)
        {
            int read;
            try
            {
                read = await connection.ReadAsync(buffer, deadline.Token);
            }
            catch (IOException)
            {
                // The server may reset the connection once it has answered and stopped reading the rest.
                break;
            }

            if (read == 0)
            {
                break;
            }

            received.Append(Encoding.ASCII.GetString(buffer, 0, read));
            var text = received.ToString();
            var headerEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (headerEnd >= 0 && ContentLength(text[..headerEnd]) is { } length && text.Length - headerEnd - 4 >= length)
            {
                break;
            }
        }

        return received.ToString();
    }

    private static int? ContentLength(string headers) =>
        headers.Split("\r\n").FirstOrDefault(h => h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) is { } line
            ? int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture)
            : null;
}
