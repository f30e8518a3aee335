using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgentTickets.Testing;

/// <summary>What the fake saw: one HTTP request, as the OpenAI SDK sent it.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>
/// How the fake answers one request. <see cref="Gate"/>: the answer waits until it completes (or the client
/// gives up), so a test decides when a "slow model" answers by a signal, not a sleep.
/// </summary>
public sealed record FakeReply(int Status, IReadOnlyList<string> Chunks, string? ErrorJson = null, TimeSpan? Delay = null,
    IReadOnlyDictionary<string, string>? Headers = null, string? CompletionJson = null, Task? Gate = null)
{
    /// <summary>A streamed answer: each chunk a <c>chat.completion.chunk</c> JSON, then <c>data: [DONE]</c>.</summary>
    public static FakeReply Stream(params string[] chunks) => new(200, chunks);

    /// <summary>
    /// A non-streamed <c>chat.completion</c> whose message content is <paramref name="content"/>: what a
    /// <c>response_format</c> of type <c>json_schema</c> gets (the content is then the JSON answer, as text).
    /// </summary>
    public static FakeReply Completion(string content, string finishReason = "stop") =>
        new(200, [], CompletionJson: FakeOpenAIServer.CompletionBody(content, null, finishReason));

    /// <summary>A non-streamed answer in which the model refuses (<c>message.refusal</c> set, content null).</summary>
    public static FakeReply Refusal(string refusal) =>
        new(200, [], CompletionJson: FakeOpenAIServer.CompletionBody(null, refusal, "stop"));

    public static FakeReply Error(int status, string message, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, [], JsonSerializer.Serialize(new { error = new { message, type = "invalid_request_error", code = (string?)null } }), Headers: headers);
}

/// <summary>
/// An OpenAI-compatible chat-completions server on 127.0.0.1 (a random port): records every request and
/// answers from a script with the real streaming chunk format, so the real OpenAI SDK code path runs.
/// </summary>
public sealed class FakeOpenAIServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Func<int, RecordedRequest, FakeReply> _script;

    private FakeOpenAIServer(WebApplication app, Func<int, RecordedRequest, FakeReply> script)
    {
        _app = app;
        _script = script;
    }

    public List<RecordedRequest> Requests { get; } = [];

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<FakeOpenAIServer> StartAsync(Func<int, RecordedRequest, FakeReply> script)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeOpenAIServer(app, script);
        app.Map("/{**path}", server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var request = new RecordedRequest(context.Request.Method, context.Request.Path.Value ?? "", context.Request.QueryString.Value ?? "",
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body);
        int index;
        lock (Requests)
        {
            Requests.Add(request);
            index = Requests.Count - 1;
        }

        var reply = _script(index, request);
        if (reply.Delay is { } delay)
        {
            await Task.Delay(delay, context.RequestAborted);
        }

        if (reply.Gate is { } gate)
        {
            await gate.WaitAsync(context.RequestAborted);
        }

        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if ((reply.ErrorJson ?? reply.CompletionJson) is { } json)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(json, context.RequestAborted);
            return;
        }

        context.Response.ContentType = "text/event-stream";
        foreach (var chunk in reply.Chunks)
        {
            await context.Response.WriteAsync($"data: {chunk}\n\n", Encoding.UTF8, context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
        }

        await context.Response.WriteAsync("data: [DONE]\n\n", context.RequestAborted);
    }

    private int _disposed;

    /// <summary>Stops the server; a second call does nothing (a test may stop it early to make its port refuse connections).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>A <c>chat.completion</c> object as OpenAI returns it for a non-streamed request.</summary>
    public static string CompletionBody(string? content, string? refusal, string finishReason) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["id"] = "chatcmpl-fake2",
        ["object"] = "chat.completion",
        ["created"] = 1735689600,
        ["model"] = "fake-model",
        ["system_fingerprint"] = "fp_fake",
        ["choices"] = new object[]
        {
            new Dictionary<string, object?>
            {
                ["index"] = 0,
                ["message"] = new Dictionary<string, object?> { ["role"] = "assistant", ["content"] = content, ["refusal"] = refusal },
                ["logprobs"] = null,
                ["finish_reason"] = finishReason,
            },
        },
        ["usage"] = new { prompt_tokens = 100, completion_tokens = 20, total_tokens = 120 },
    });

    // ---- real chunk shapes (chat.completion.chunk) --------------------------------------------------------

    private static string Chunk(object delta, string? finishReason = null) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["id"] = "chatcmpl-fake1",
        ["object"] = "chat.completion.chunk",
        ["created"] = 1735689600,
        ["model"] = "fake-model",
        ["system_fingerprint"] = "fp_fake",
        ["choices"] = new object[] { new Dictionary<string, object?> { ["index"] = 0, ["delta"] = delta, ["logprobs"] = null, ["finish_reason"] = finishReason } },
    });

    public static string RoleChunk() => Chunk(new { role = "assistant", content = "" });

    public static string TextChunk(string text) => Chunk(new { content = text });

    public static string ToolCallStart(int index, string id, string name) =>
        Chunk(new { tool_calls = new object[] { new { index, id, type = "function", function = new { name, arguments = "" } } } });

    public static string ToolCallArguments(int index, string fragment) =>
        Chunk(new { tool_calls = new object[] { new { index, function = new { arguments = fragment } } } });

    public static string Finish(string reason) => Chunk(new { }, reason);
}
