using System.Text;

namespace TicketApi.Tests.Audit;

/// <summary>One dispatched event as a browser's EventSource hands it over: type, data and the last event id.</summary>
public sealed record DispatchedEvent(string Type, string Data, string LastEventId);

/// <summary>
/// Reads an event stream as EventSource does (WHATWG HTML, "Interpreting an event stream"): lines end in CRLF, LF
/// or CR; a comment line (leading colon) is ignored but counted here, so heartbeats can be seen; <c>id</c> sets the
/// last event id buffer (unless it holds U+0000), <c>retry</c> the reconnection time when it is all digits; data
/// lines join with LF; a blank line dispatches unless the data is empty, with type "message" when none was named.
/// </summary>
/// <param name="owner">What holds the stream open (the HTTP response), disposed with the reader.</param>
public sealed class EventSourceReader(Stream stream, IDisposable? owner = null) : IDisposable
{
    private readonly StreamReader _reader = new(stream, Encoding.UTF8);

    public void Dispose()
    {
        _reader.Dispose();
        owner?.Dispose();
    }
    private string _lastEventId = "";

    public int Comments { get; private set; }

    public TimeSpan? Retry { get; private set; }

    /// <summary>The next dispatched event, or null at the end of the stream.</summary>
    public Task<DispatchedEvent?> ReadAsync(CancellationToken cancellationToken) => ReadAsync(stopAtBlankLine: false, cancellationToken);

    /// <summary>
    /// Reads the stream's first block (it dispatches nothing: a comment and <c>retry</c>), so the server is known
    /// to have decided where the stream starts before the test changes anything.
    /// </summary>
    public async Task ReadOpeningAsync(TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        Assert.Null(await ReadAsync(stopAtBlankLine: true, timeout.Token));
        Assert.NotNull(Retry);
    }

    private async Task<DispatchedEvent?> ReadAsync(bool stopAtBlankLine, CancellationToken cancellationToken)
    {
        string? type = null;
        var data = new StringBuilder();
        var hasData = false;
        while (await _reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (hasData)
                {
                    return new DispatchedEvent(type ?? "message", data.ToString(), _lastEventId);
                }
                if (stopAtBlankLine)
                {
                    return null;
                }
                type = null;
                continue;
            }
            if (line[0] == ':')
            {
                Comments++;
                continue;
            }
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..];
            if (value.StartsWith(' '))
            {
                value = value[1..];
            }
            switch (field)
            {
                case "event":
                    type = value;
                    break;
                case "data":
                    if (hasData)
                    {
                        data.Append('\n');
                    }
                    data.Append(value);
                    hasData = true;
                    break;
                case "id" when !value.Contains('\0', StringComparison.Ordinal):
                    _lastEventId = value;
                    break;
                case "retry" when value.Length > 0 && value.All(char.IsAsciiDigit):
                    Retry = TimeSpan.FromMilliseconds(long.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
                    break;
            }
        }
        return null;
    }

    /// <summary>Reads until <paramref name="count"/> events arrived (or fails at the deadline).</summary>
    public async Task<List<DispatchedEvent>> ReadAsync(int count, TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        var events = new List<DispatchedEvent>();
        while (events.Count < count)
        {
            var next = await ReadAsync(timeout.Token);
            Assert.True(next is not null, $"The stream ended after {events.Count} of {count} events.");
            events.Add(next);
        }
        return events;
    }
}
