using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace AgentCli.Tests.Fakes;

/// <summary>Writes SSE frames exactly as docs/chat-sse.md shows them, flushing each so the client sees it at once.</summary>
internal static class Sse
{
    public static async Task BeginAsync(HttpContext context)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    public static async Task RawAsync(HttpContext context, string text)
    {
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    public static Task RetryAsync(HttpContext context, int milliseconds = 5000) => RawAsync(context, $"retry: {milliseconds}\n\n");

    public static Task EventAsync(HttpContext context, string name, object data) =>
        RawAsync(context, $"event: {name}\ndata: {JsonSerializer.Serialize(data)}\n\n");

    public static Task TokenAsync(HttpContext context, string delta) => EventAsync(context, "token", new { delta });

    public static Task ToolAsync(HttpContext context, string name, object arguments, string status, string summary) =>
        EventAsync(context, "tool", new { name, arguments, status, summary });

    public static Task EndAsync(HttpContext context, string sessionId) => EventAsync(context, "end", new { ok = true, session_id = sessionId });

    public static Task ErrorAsync(HttpContext context, string message) => EventAsync(context, "error", new { message });

    /// <summary>A whole answer: retry, the tokens, end.</summary>
    public static async Task AnswerAsync(HttpContext context, string sessionId, params string[] deltas)
    {
        await BeginAsync(context);
        await RetryAsync(context);
        foreach (var delta in deltas)
        {
            await TokenAsync(context, delta);
        }

        await EndAsync(context, sessionId);
    }
}
