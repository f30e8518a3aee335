using System.Text;

namespace TicketApi.Tests.Drafts;

/// <summary>One dispatched Server-Sent Event: its type and its data lines joined by line feeds.</summary>
public sealed record ServerSentEvent(string Type, string Data);

/// <summary>
/// Reads Server-Sent Events as a browser's EventSource does (WHATWG HTML, "Interpreting an event stream"):
/// lines end in CRLF, LF or CR; a line starting with a colon is a comment; a field's value loses one leading
/// space; data lines accumulate with LF; a blank line dispatches the event (type "message" when unnamed)
/// unless its data is empty; what is left at the end of the stream without a blank line is dropped.
/// </summary>
public sealed class EventStreamReader(Stream stream)
{
    private readonly StreamReader _reader = new(stream, Encoding.UTF8);

    /// <summary>The next event, or null at the end of the stream.</summary>
    public async Task<ServerSentEvent?> ReadAsync(CancellationToken cancellationToken = default)
    {
        string? type = null;
        var data = new StringBuilder();
        var hasData = false;
        while (await ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (hasData)
                {
                    return new ServerSentEvent(type ?? "message", data.ToString());
                }
                type = null;
                continue;
            }
            if (line[0] == ':')
            {
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
            }
        }
        return null;
    }

    public async Task<List<ServerSentEvent>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        var events = new List<ServerSentEvent>();
        while (await ReadAsync(cancellationToken) is { } item)
        {
            events.Add(item);
        }
        return events;
    }

    /// <summary>A line without its terminator (CRLF, LF or CR), or null at the end of the stream.</summary>
    private async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        var buffer = new char[1];
        while (await _reader.ReadAsync(buffer.AsMemory(), cancellationToken) == 1)
        {
            switch (buffer[0])
            {
                case '\n':
                    return line.ToString();
                case '\r':
                    if (_reader.Peek() == '\n')
                    {
                        await _reader.ReadAsync(buffer.AsMemory(), cancellationToken);
                    }
                    return line.ToString();
                default:
                    line.Append(buffer[0]);
                    break;
            }
        }
        return line.Length > 0 ? line.ToString() : null;
    }
}
