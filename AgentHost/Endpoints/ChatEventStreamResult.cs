using System.Text;
using System.Text.Json;
using AgentHost.Chat;
using Microsoft.AspNetCore.Http.Features;

namespace AgentHost.Endpoints;

/// <summary>
/// Writes a chat turn as Server-Sent Events, exactly in the DESIGN.md framing: a <c>retry: 5000</c> frame,
/// then <c>event:</c>/<c>data:</c> frames, each flushed as soon as it exists so tokens reach the client as
/// they are produced. A client that goes away cancels the turn through <c>RequestAborted</c>.
/// </summary>
public sealed class ChatEventStreamResult(IAsyncEnumerable<ChatStreamEvent> events) : IResult
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

        try
        {
            await WriteAsync(response, "retry: 5000\n\n", aborted);
            await foreach (var item in events.WithCancellation(aborted))
            {
                await WriteAsync(response, Format(item), aborted);
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
    }

    /// <summary>One frame. Data lines are split on newlines as SSE requires (JSON has none, but stay correct).</summary>
    internal static string Format(ChatStreamEvent item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var json = JsonSerializer.Serialize(item.Data, item.Data.GetType(), Json);
        var builder = new StringBuilder().Append("event: ").Append(item.Name).Append('\n');
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
