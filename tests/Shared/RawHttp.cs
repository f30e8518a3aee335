using System.Net.Sockets;
using System.Text;

namespace AgentTickets.Testing;

/// <summary>
/// HTTP/1.1 over a bare socket, for what HttpClient cannot do on purpose: announce a body larger than the
/// server takes, or trickle one byte at a time. Every request says <c>Connection: close</c>, so the answer
/// ends when the server closes the connection.
/// </summary>
public static class RawHttp
{
    public sealed record Response(int Status, IReadOnlyDictionary<string, string> Headers, string Body, TimeSpan Elapsed)
    {
        public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
    }

    /// <summary>Sends the head and <paramref name="body"/>, and reads the answer within <paramref name="deadline"/>.</summary>
    public static async Task<Response> SendAsync(Uri server, string method, string path, IEnumerable<string> headers, byte[] body, TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port, timeout.Token);
        var stream = client.GetStream();
        var started = System.Diagnostics.Stopwatch.StartNew();
        await stream.WriteAsync(Head(server, method, path, headers), timeout.Token);
        var reading = ReadToEndAsync(stream, timeout.Token);
        try
        {
            await stream.WriteAsync(body, timeout.Token);
        }
        catch (IOException)
        {
            // The server may answer and close before it has taken the whole body (413): the answer is what counts.
        }
        return Parse(await reading, started.Elapsed);
    }

    /// <summary>
    /// Announces <paramref name="contentLength"/> bytes and then sends one byte a second until the server answers
    /// (or <paramref name="deadline"/> passes): the slow client a minimum data rate exists for.
    /// </summary>
    public static async Task<Response> TrickleAsync(Uri server, string method, string path, IEnumerable<string> headers, int contentLength, TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port, timeout.Token);
        var stream = client.GetStream();
        var started = System.Diagnostics.Stopwatch.StartNew();
        await stream.WriteAsync(Head(server, method, path, [.. headers, $"Content-Length: {contentLength}"]), timeout.Token);
        var reading = ReadToEndAsync(stream, timeout.Token);
        using var tick = new PeriodicTimer(TimeSpan.FromSeconds(1));
        for (var sent = 0; sent < contentLength && !reading.IsCompleted; sent++)
        {
            try
            {
                // Whitespace: a valid start of any JSON body, so a streaming parser keeps waiting for more.
                await stream.WriteAsync(" "u8.ToArray(), timeout.Token);
            }
            catch (IOException)
            {
                break; // closed by the server: its answer is already on the way
            }
            // The trickle's pace, not a wait for an outcome: the loop ends as soon as the answer arrives.
            await Task.WhenAny(reading, tick.WaitForNextTickAsync(timeout.Token).AsTask());
        }
        return Parse(await reading, started.Elapsed);
    }

    private static byte[] Head(Uri server, string method, string path, IEnumerable<string> headers)
    {
        var head = new StringBuilder()
            .Append(method).Append(' ').Append(path).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(server.Authority).Append("\r\n")
            .Append("Connection: close\r\n");
        foreach (var header in headers)
        {
            head.Append(header).Append("\r\n");
        }
        return Encoding.ASCII.GetBytes(head.Append("\r\n").ToString());
    }

    private static async Task<byte[]> ReadToEndAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                buffer.Write(chunk, 0, read);
            }
        }
        catch (IOException) when (buffer.Length > 0)
        {
            // A reset after the answer (the server closed with our unread body in its buffer) ends the answer.
        }
        return buffer.ToArray();
    }

    private static Response Parse(byte[] raw, TimeSpan elapsed)
    {
        var text = Encoding.UTF8.GetString(raw);
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (split < 0)
        {
            throw new InvalidOperationException($"No complete HTTP answer arrived: '{text}'.");
        }
        var lines = text[..split].Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        var body = text[(split + 4)..];
        if (headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = Dechunk(body);
        }
        return new Response(status, headers, body, elapsed);
    }

    private static string Dechunk(string chunked)
    {
        var body = new StringBuilder();
        var position = 0;
        while (position < chunked.Length)
        {
            var lineEnd = chunked.IndexOf("\r\n", position, StringComparison.Ordinal);
            var size = Convert.ToInt32(chunked[position..lineEnd].Split(';')[0], 16);
            if (size == 0)
            {
                break;
            }
            body.Append(chunked, lineEnd + 2, size);
            position = lineEnd + 2 + size + 2;
        }
        return body.ToString();
    }
}
