using System.Net.ServerSentEvents;
using System.Text.Json;

namespace AgentHost.Tests.Support;

/// <summary>One parsed frame: event name, JSON data and the event id it carried (null when none).</summary>
public sealed record Frame(string Event, JsonElement Data, string? Id = null);

/// <summary>Reads an SSE response with the framework's own parser (System.Net.ServerSentEvents.SseParser).</summary>
public static class SseReader
{
    public static async Task<(List<Frame> Frames, TimeSpan? Retry)> ReadAllAsync(HttpResponseMessage response, CancellationToken cancellationToken = default)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var parser = SseParser.Create(stream);
        var frames = new List<Frame>();
        await foreach (var item in parser.EnumerateAsync(cancellationToken))
        {
            frames.Add(new Frame(item.EventType, JsonDocument.Parse(item.Data).RootElement.Clone(), item.EventId));
        }

        return (frames, parser.ReconnectionInterval);
    }

    public static string Text(IEnumerable<Frame> frames) =>
        string.Concat(frames.Where(f => f.Event == "token").Select(f => f.Data.GetProperty("delta").GetString()));
}
