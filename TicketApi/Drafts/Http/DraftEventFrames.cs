using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace TicketApi.Drafts.Http;

/// <summary>
/// The Server-Sent Events face of <c>POST /api/tickets/{id}/draft</c> (docs/drafts.md, "Streaming"), framed as
/// the WHATWG format says: <c>event:</c> and <c>data:</c> lines, a blank line after each frame, data that holds
/// line breaks split into one <c>data:</c> line per line. The stream starts with the first piece of the reply,
/// so a request refused before the writer produced anything is still a plain problem-details answer with its
/// status; after that the answer is <c>token</c> frames then exactly one <c>end</c> (the stored draft) or
/// <c>error</c> (a problem-details object) frame.
/// </summary>
public sealed class DraftEventFrames(HttpResponse response)
{
    public const string MediaType = "text/event-stream";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.Combine(DraftJsonContext.Default, FrameJsonContext.Default),
    };

    public bool Started { get; private set; }

    /// <summary>True when the request's Accept names text/event-stream (with a q above zero).</summary>
    public static bool Wanted(HttpRequest request) =>
        MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted) &&
        accepted.Any(media => media.MediaType.Equals(MediaType, StringComparison.OrdinalIgnoreCase) && media.Quality is not <= 0);

    /// <summary>The writer's <see cref="ReplyTextSink"/>: each piece of the reply as a <c>token</c> frame, flushed at once.</summary>
    public async ValueTask TokenAsync(string text, CancellationToken cancellationToken)
    {
        if (text.Length == 0)
        {
            return;
        }
        await WriteAsync("token", JsonSerializer.Serialize(new TokenFrame(text), Json), cancellationToken);
    }

    public Task EndAsync(DraftDto draft, CancellationToken cancellationToken) =>
        WriteAsync("end", JsonSerializer.Serialize(draft, Json), cancellationToken);

    public Task ErrorAsync(ProblemDetails problem, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var frame = new ErrorFrame(problem.Type, problem.Title, problem.Status, problem.Detail, problem.Detail ?? problem.Title ?? "The draft failed.");
        return WriteAsync("error", JsonSerializer.Serialize(frame, Json), cancellationToken);
    }

    /// <summary>One frame; every line of the data gets its own <c>data:</c> field, as the format requires.</summary>
    public static string Format(string name, string data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var frame = new StringBuilder("event: ").Append(name).Append('\n');
        foreach (var line in data.ReplaceLineEndings("\n").Split('\n'))
        {
            frame.Append("data: ").Append(line).Append('\n');
        }
        return frame.Append('\n').ToString();
    }

    private async Task WriteAsync(string name, string data, CancellationToken cancellationToken)
    {
        if (!Started)
        {
            Started = true;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = MediaType;
            response.Headers.CacheControl = "no-cache";
            response.Headers["X-Accel-Buffering"] = "no"; // proxies: pass frames on as they come
            response.HttpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        }
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(Format(name, data)), cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }

    /// <summary>A piece of the reply; the pieces of one stream concatenate to the stored draft's reply.</summary>
    internal sealed record TokenFrame(string Delta);

    /// <summary>The problem that ended the stream, with <c>message</c> as the chat stream's error frame has it.</summary>
    internal sealed record ErrorFrame(string? Type, string? Title, int? Status, string? Detail, string Message);
}

[System.Text.Json.Serialization.JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
[System.Text.Json.Serialization.JsonSerializable(typeof(DraftEventFrames.TokenFrame))]
[System.Text.Json.Serialization.JsonSerializable(typeof(DraftEventFrames.ErrorFrame))]
internal sealed partial class FrameJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
