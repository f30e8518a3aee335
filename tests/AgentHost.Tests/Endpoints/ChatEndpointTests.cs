using System.Net;
using System.Net.Http.Json;
using System.Text;
using AgentHost.Chat;
using AgentHost.Tests.Support;
using Microsoft.Extensions.AI;
using static AgentHost.Tests.Support.ScriptedChatClient;

namespace AgentHost.Tests.Endpoints;

public class ChatEndpointTests
{
    private static async Task<HttpResponseMessage> GetAsync(AgentHostFactory factory, string query, CancellationToken ct = default)
    {
        var client = factory.CreateClient();
        return await client.GetAsync("/chat?" + query, HttpCompletionOption.ResponseHeadersRead, ct);
    }

    [Fact]
    public async Task Get_chat_streams_exactly_the_contract_frames()
    {
        await using var factory = new AgentHostFactory { Provider = new ScriptedChatClient(_ => [Text("Hello "), Text("world")]) };

        using var response = await GetAsync(factory, "message=hi&session_id=abc-123");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("no-cache", response.Headers.CacheControl!.ToString());
        Assert.Equal("no", Assert.Single(response.Headers.GetValues("X-Accel-Buffering")));
        Assert.Equal(
            "retry: 5000\nid: abc-123:1:0\n\n" +
            "event: token\nid: abc-123:1:1\ndata: {\"delta\":\"Hello \"}\n\n" +
            "event: token\nid: abc-123:1:2\ndata: {\"delta\":\"world\"}\n\n" +
            "event: end\nid: abc-123:1:3\ndata: {\"ok\":true,\"session_id\":\"abc-123\"}\n\n",
            body);
    }

    [Fact]
    public async Task Multi_line_deltas_survive_the_framing_and_parse_back_with_SseParser()
    {
        const string delta = "Line one\nline two\r\n\n- item: \"quoted\" ünïcödé\n";
        await using var factory = new AgentHostFactory { Provider = new ScriptedChatClient(_ => [Text(delta), Text("data: not a frame\n\nevent: end")]) };

        using var response = await GetAsync(factory, "message=hi");
        var (frames, retry) = await SseReader.ReadAllAsync(response);

        Assert.Equal(TimeSpan.FromSeconds(5), retry);
        Assert.Equal(delta + "data: not a frame\n\nevent: end", SseReader.Text(frames));
        Assert.Equal(["token", "token", "end"], frames.Select(f => f.Event));
        Assert.True(frames[^1].Data.GetProperty("ok").GetBoolean());
        Assert.Equal(32, frames[^1].Data.GetProperty("session_id").GetString()!.Length);
    }

    [Fact]
    public async Task Every_tool_call_becomes_a_tool_frame_with_name_arguments_status_and_summary()
    {
        var tickets = new StubHttpHandler((_, _) => StubHttpHandler.Problem(HttpStatusCode.NotFound,
            """{"status":404,"detail":"Ticket with id '99' was not found."}"""));
        var model = new ScriptedChatClient(
            _ => [Calls(Call("get_ticket", ("id", 99)))],
            _ => [Text("No ticket #99.")]);
        await using var factory = new AgentHostFactory { Provider = model, TicketHandler = tickets };

        using var response = await GetAsync(factory, "message=show%2099");
        var (frames, _) = await SseReader.ReadAllAsync(response);

        Assert.Equal(["tool", "token", "end"], frames.Select(f => f.Event));
        var tool = frames[0].Data;
        Assert.Equal("get_ticket", tool.GetProperty("name").GetString());
        Assert.Equal(99, tool.GetProperty("arguments").GetProperty("id").GetInt32());
        Assert.Equal("failed", tool.GetProperty("status").GetString());
        Assert.Equal("Ticket with id '99' was not found.", tool.GetProperty("summary").GetString());
        Assert.Equal("/api/tickets/99/", Assert.Single(tickets.Requests).PathAndQuery);
    }

    [Fact]
    public async Task Post_chat_keeps_the_session_history_across_turns()
    {
        var model = new ScriptedChatClient(_ => [Text("first answer")], _ => [Text("second answer")]);
        await using var factory = new AgentHostFactory { Provider = model };
        var client = factory.CreateClient();

        using var first = await client.PostAsJsonAsync("/chat", new { message = "one" });
        var (firstFrames, _) = await SseReader.ReadAllAsync(first);
        var sessionId = firstFrames[^1].Data.GetProperty("session_id").GetString();
        using var second = await client.PostAsJsonAsync("/chat", new { message = "two", session_id = sessionId });
        var (secondFrames, _) = await SseReader.ReadAllAsync(second);

        Assert.Equal(sessionId, secondFrames[^1].Data.GetProperty("session_id").GetString());
        Assert.Equal(["one", "first answer", "two"], model.Received[1].Select(m => m.Text));
        Assert.Equal([ChatRole.User, ChatRole.Assistant, ChatRole.User], model.Received[1].Select(m => m.Role));
    }

    [Fact]
    public async Task A_failing_provider_ends_the_stream_with_exactly_one_error_frame()
    {
        var model = new ScriptedChatClient(_ => ThrowAfter(Text("partial "), new ChatProviderException("The model sent malformed arguments for tool 'get_ticket'.")));
        await using var factory = new AgentHostFactory { Provider = model };

        using var response = await GetAsync(factory, "message=hi");
        var (frames, _) = await SseReader.ReadAllAsync(response);

        Assert.Equal(["token", "error"], frames.Select(f => f.Event));
        Assert.Equal("The model sent malformed arguments for tool 'get_ticket'.", frames[1].Data.GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_unexpected_failure_is_an_error_frame_without_internals()
    {
        var model = new ScriptedChatClient(_ => ThrowAfter(null, new InvalidOperationException("secret stack detail")));
        await using var factory = new AgentHostFactory { Provider = model };

        using var response = await GetAsync(factory, "message=hi");
        var (frames, _) = await SseReader.ReadAllAsync(response);

        var error = Assert.Single(frames);
        Assert.Equal("error", error.Event);
        Assert.DoesNotContain("secret", error.Data.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_client_that_disconnects_cancels_the_model_call()
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var provider = new HangingChatClient(cancelled);
        await using var factory = new AgentHostFactory { Provider = provider };
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60)); // only against a hang: a loaded machine took 20 s

        var response = await GetAsync(factory, "message=hi", cts.Token);
        var stream = await response.Content.ReadAsStreamAsync(cts.Token);
        var buffer = new byte[256];
        var read = await stream.ReadAsync(buffer, cts.Token);
        Assert.Contains("retry: 5000", Encoding.UTF8.GetString(buffer, 0, read));
        await provider.Started.Task.WaitAsync(cts.Token);

        response.Dispose(); // the client goes away mid-answer

        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_second_message_on_a_busy_session_is_a_409_problem_instead_of_interleaving()
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var provider = new HangingChatClient(cancelled);
        await using var factory = new AgentHostFactory { Provider = provider };

        var first = await GetAsync(factory, "message=one&session_id=s1");
        await provider.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        using var second = await GetAsync(factory, "message=two&session_id=s1");
        var problem = await second.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        first.Dispose();

        // A status, not a stream: an EventSource stops on it instead of retrying the message every few seconds.
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("still answering", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_openapi_document_describes_chat_as_an_event_stream_with_its_problems()
    {
        await using var factory = new AgentHostFactory();

        var document = await factory.CreateClient().GetFromJsonAsync<System.Text.Json.JsonElement>("/openapi/v1.json");
        var post = document.GetProperty("paths").GetProperty("/chat").GetProperty("post");
        var responses = post.GetProperty("responses");

        Assert.True(post.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.True(responses.GetProperty("200").GetProperty("content").TryGetProperty("text/event-stream", out _));
        Assert.All(["204", "400", "403", "409", "413", "415", "422"], status => Assert.True(responses.TryGetProperty(status, out _), status));
        Assert.True(document.GetProperty("paths").GetProperty("/chat").TryGetProperty("get", out _));
    }

    [Fact]
    public async Task Health_says_ok_and_which_provider_runs()
    {
        await using var factory = new AgentHostFactory();

        var health = await factory.CreateClient().GetFromJsonAsync<System.Text.Json.JsonElement>("/health");

        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal("ok", health.GetProperty("checks").GetProperty("database").GetString());
        Assert.Equal("offline-planner", health.GetProperty("host").GetProperty("provider").GetString());
        Assert.Equal("embedded", health.GetProperty("host").GetProperty("ticket_service").GetString());
    }

    [Fact]
    public async Task The_embedded_ticket_service_brings_its_openapi_document_and_problem_responses()
    {
        await using var factory = new AgentHostFactory();
        var client = factory.CreateClient();

        using var openApi = await client.GetAsync("/openapi/v1.json");
        using var unknown = await client.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
        Assert.Contains("/api/tickets/", await openApi.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    private static IEnumerable<ChatResponseUpdate> ThrowAfter(ChatResponseUpdate? first, Exception exception)
    {
        if (first is not null)
        {
            yield return first;
        }

        throw exception;
    }

    /// <summary>Sends one token, then waits until cancelled, and says so.</summary>
    private sealed class HangingChatClient(TaskCompletionSource cancelled) : IChatClient
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
            [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            yield return Text("thinking ");
            Started.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            finally
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    cancelled.TrySetResult();
                }
            }
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
