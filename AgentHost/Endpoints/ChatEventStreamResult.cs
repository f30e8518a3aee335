using System.Globalization;
using System.Text;
using System.Text.Json;
using AgentHost.Chat;
using AgentHost.Chat.Sessions;
using Microsoft.AspNetCore.Http.Features;

namespace AgentHost.Endpoints;

/// <summary>
/// Writes a chat turn's frames as Server-Sent Events in the docs/chat-sse.md framing: first a block with
/// <c>retry:</c> (and, for a turn's first delivery, the id <c>{session}:{turn}:0</c>, which sets EventSource's
/// last event id without firing an event, so even a stream cut before its first frame reconnects with
/// <c>Last-Event-ID</c>), then <c>event:</c>/<c>id:</c>/<c>data:</c> frames, each flushed as soon as it exists.
/// A client that goes away cancels the enumeration, and with it a turn this request runs.
/// <para>
/// Not <c>TypedResults.ServerSentEvents</c>: its formatter (SseFormatter) writes a <c>data:</c> line in every
/// block, so it cannot send the data-less <c>retry</c>/<c>id</c> block the contract opens with (a browser would
/// fire an empty <c>message</c> event), and it sets neither <c>Cache-Control</c> nor <c>X-Accel-Buffering</c>.
/// </para>
/// </summary>
public sealed class ChatEventStreamResult(ChatTurn turn, IAsyncEnumerable<SequencedFrame> frames, TimeSpan retry, bool opensTurn) : IResult
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = AgentHost.Tools.TicketToolJson.Options.TypeInfoResolver,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        var aborted = httpContext.RequestAborted;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no"; // nginx and friends: do not hold frames back
        httpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        await using var enumerator = frames.GetAsyncEnumerator(aborted);
        var started = false;
        try
        {
            await WriteAsync(response, Opening(), aborted);
            started = true;
            while (await enumerator.MoveNextAsync())
            {
                var frame = enumerator.Current;
                await WriteAsync(response, Format(frame.Event, ChatEventId.Format(turn, frame.Sequence)), aborted);
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client left; the turn has been cancelled with it and nobody is listening for a frame.
        }
        catch (IOException) when (aborted.IsCancellationRequested)
        {
            // Same, noticed while writing.
        }

        if (!started)
        {
            await CloseUnstartedAsync(enumerator);
        }
    }

    /// <summary>
    /// The client left before the opening block was written. An async iterator that was never started runs no
    /// <c>finally</c> when disposed, so a turn this request was to run would neither release its claim on the stored
    /// session nor end its journal: the session would stay busy. One step with the (cancelled) request token
    /// starts it, and it stops at once through its own cancellation path.
    /// </summary>
    private static async Task CloseUnstartedAsync(IAsyncEnumerator<SequencedFrame> enumerator)
    {
        try
        {
            while (await enumerator.MoveNextAsync())
            {
                // Nobody is listening; the journal keeps the frames for a reconnect.
            }
        }
        catch (OperationCanceledException)
        {
            // The expected way a cancelled turn ends.
        }
    }

    private string Opening()
    {
        var builder = new StringBuilder("retry: ").Append(((long)retry.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)).Append('\n');
        if (opensTurn)
        {
            builder.Append("id: ").Append(ChatEventId.Format(turn, 0)).Append('\n');
        }

        return builder.Append('\n').ToString();
    }

    /// <summary>One frame. Data lines are split on newlines as SSE requires (JSON has none, but stay correct).</summary>
    internal static string Format(ChatStreamEvent item, string id)
    {
        ArgumentNullException.ThrowIfNull(item);
        var json = JsonSerializer.Serialize(item.Data, item.Data.GetType(), Json);
        var builder = new StringBuilder().Append("event: ").Append(item.Name).Append('\n').Append("id: ").Append(id).Append('\n');
        foreach (var line in json.Split('\n'))
        {
            builder.Append("data: ").Append(line.TrimEnd('\r')).Append('\n');
        }

        return builder.Append('\n').ToString();
    }

    private static async Task WriteAsync(HttpResponse response, string text, CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
