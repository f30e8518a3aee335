using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AgentCli.Tests.Fakes;

/// <summary>What the CLI sent for one turn.</summary>
internal sealed record RecordedChat(string Message, string? SessionId, bool SessionIdSent, string? Accept, string? ContentType, long? ContentLength, string? Authorization = null);

/// <summary>
/// A stand-in for the agent host: Kestrel on 127.0.0.1, a free port, <c>POST /chat</c> answered by a
/// script the test provides. It records every request and whether the client dropped the connection.
/// </summary>
internal sealed class FakeAgentHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeAgentHost(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public ConcurrentQueue<RecordedChat> Requests { get; } = new();

    /// <summary>Completes when a request's connection is aborted by the client (Ctrl+C, early exit).</summary>
    public TaskCompletionSource ClientDisconnected { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<FakeAgentHost> StartAsync(Func<HttpContext, RecordedChat, Task> respond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        FakeAgentHost? host = null;
        app.MapPost("/chat", async (HttpContext context) =>
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            var root = body.RootElement;
            var sessionSent = root.TryGetProperty("session_id", out var session);
            var chat = new RecordedChat(
                root.GetProperty("message").GetString() ?? string.Empty,
                sessionSent ? session.GetString() : null,
                sessionSent,
                context.Request.Headers.Accept.ToString(),
                context.Request.ContentType,
                context.Request.ContentLength,
                context.Request.Headers.Authorization.Count > 0 ? context.Request.Headers.Authorization.ToString() : null);
            host!.Requests.Enqueue(chat);
            context.RequestAborted.Register(() => host.ClientDisconnected.TrySetResult());
            await respond(context, chat);
        });
        await app.StartAsync();
        host = new FakeAgentHost(app, new Uri(app.Urls.Single()));
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}
