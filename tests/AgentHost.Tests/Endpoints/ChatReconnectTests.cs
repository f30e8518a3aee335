using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using AgentHost.Chat.Sessions;
using AgentHost.Tests.Support;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using static AgentHost.Tests.Support.ScriptedChatClient;

namespace AgentHost.Tests.Endpoints;

/// <summary>
/// docs/chat-sse.md, "Reconnects and retries": whatever a client repeats (an EventSource reconnecting with
/// Last-Event-ID, a POST retried with the same Idempotency-Key), a turn runs once.
/// </summary>
public class ChatReconnectTests
{
    private static HttpRequestMessage Get(string query, string? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/chat?" + query);
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        return request;
    }

    private static HttpRequestMessage Post(object body, string? idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/chat") { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return request;
    }

    private static async Task<List<Frame>> FramesAsync(HttpClient client, HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await SseReader.ReadAllAsync(response)).Frames;
        }
    }

    private static ScriptedChatClient Answering(params string[] words) =>
        new(_ => [.. words.Select(w => Text(w))]) { RepeatLastStep = true };

    [Fact]
    public async Task Every_frame_carries_an_id_naming_session_turn_and_sequence()
    {
        await using var factory = new AgentHostFactory { Provider = Answering("Hello ", "world") };
        var client = factory.CreateClient();

        var first = await FramesAsync(client, Get("message=hi&session_id=s1"));
        var second = await FramesAsync(client, Get("message=again&session_id=s1"));

        Assert.Equal(["s1:1:1", "s1:1:2", "s1:1:3"], first.Select(f => f.Id));
        Assert.Equal(["s1:2:1", "s1:2:2", "s1:2:3"], second.Select(f => f.Id));
    }

    [Fact]
    public async Task A_reconnect_after_the_end_frame_is_204_and_the_turn_is_not_run_again()
    {
        var model = Answering("Created ticket #1.");
        await using var factory = new AgentHostFactory { Provider = model };
        var client = factory.CreateClient();
        var frames = await FramesAsync(client, Get("message=create%20a%20ticket&session_id=s1"));

        using var reconnect = await client.SendAsync(Get("message=create%20a%20ticket&session_id=s1", frames[^1].Id));

        Assert.Equal(HttpStatusCode.NoContent, reconnect.StatusCode);
        Assert.Equal(1, model.CallCount);
    }

    [Theory]
    [InlineData("s1:1:0", new[] { "token", "token", "end" })]
    [InlineData("s1:1:1", new[] { "token", "end" })]
    [InlineData("s1:1:2", new[] { "end" })]
    public async Task A_reconnect_with_an_earlier_id_gets_the_frames_after_it_from_the_journal(string lastEventId, string[] expected)
    {
        var model = Answering("one ", "two");
        await using var factory = new AgentHostFactory { Provider = model };
        var client = factory.CreateClient();
        var original = await FramesAsync(client, Get("message=hi&session_id=s1"));

        var resumed = await FramesAsync(client, Get("message=hi&session_id=s1", lastEventId));

        Assert.Equal(expected, resumed.Select(f => f.Event));
        Assert.Equal(original.TakeLast(expected.Length).Select(f => f.Id), resumed.Select(f => f.Id));
        Assert.Equal(1, model.CallCount);
    }

    [Fact]
    public async Task A_reconnect_to_a_running_turn_follows_it_live_without_a_second_run()
    {
        var model = new GatedChatClient();
        await using var factory = new AgentHostFactory { Provider = model };
        var client = factory.CreateClient();
        using var original = await client.SendAsync(Get("message=hi&session_id=s1"), HttpCompletionOption.ResponseHeadersRead);
        var originalFrames = SseReader.ReadAllAsync(original);
        await model.FirstWordSent.Task.WaitAsync(TimeSpan.FromSeconds(10));

        using var follower = await client.SendAsync(Get("message=hi&session_id=s1", "s1:1:1"), HttpCompletionOption.ResponseHeadersRead);
        var followed = SseReader.ReadAllAsync(follower);
        model.Gate.SetResult();

        var (frames, _) = await followed.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["token", "end"], frames.Select(f => f.Event));
        Assert.Equal("two", frames[0].Data.GetProperty("delta").GetString());
        Assert.Equal(3, (await originalFrames.WaitAsync(TimeSpan.FromSeconds(10))).Frames.Count);
        Assert.Equal(1, model.Calls);
    }

    [Fact]
    public async Task A_turn_cut_off_by_its_client_is_closed_with_an_error_frame_and_never_rerun()
    {
        var model = new GatedChatClient();
        await using var factory = new AgentHostFactory { Provider = model };
        var client = factory.CreateClient();
        var original = await client.SendAsync(Get("message=hi&session_id=s1"), HttpCompletionOption.ResponseHeadersRead);
        var stream = await original.Content.ReadAsStreamAsync();
        _ = await stream.ReadAsync(new byte[64]);
        await model.FirstWordSent.Task.WaitAsync(TimeSpan.FromSeconds(10));

        original.Dispose(); // the browser tab went away mid-answer
        await model.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var resumed = await FramesAsync(client, Get("message=hi&session_id=s1", "s1:1:1"));
        model.Gate.SetResult(); // lets the next turn answer in full
        var next = await FramesAsync(client, Get("message=next&session_id=s1"));

        var error = Assert.Single(resumed);
        Assert.Equal("error", error.Event);
        Assert.Equal(ChatTurn.Interrupted, error.Data.GetProperty("message").GetString());
        Assert.Equal("s1:2:1", next[0].Id); // the session is free again, for a new turn
        Assert.Equal(2, model.Calls);
    }

    [Theory]
    [InlineData("nosuch:1:3")]
    [InlineData("s1:9:1")]
    [InlineData("s1:1:99")]
    public async Task A_reconnect_for_an_unknown_session_turn_or_frame_is_204_and_runs_nothing(string lastEventId)
    {
        var model = Answering("one");
        await using var factory = new AgentHostFactory { Provider = model };
        var client = factory.CreateClient();
        await FramesAsync(client, Get("message=hi&session_id=s1"));

        using var reconnect = await client.SendAsync(Get("message=hi&session_id=s1", lastEventId));

        Assert.Equal(HttpStatusCode.NoContent, reconnect.StatusCode);
        Assert.Equal(1, model.CallCount);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("s1:one:2")]
    [InlineData("s1:0:1")]
    [InlineData("s1:1:-1")]
    [InlineData("bad id:1:1")]
    public async Task A_malformed_last_event_id_is_a_400_problem_and_runs_nothing(string lastEventId)
    {
        var model = Answering("one");
        await using var factory = new AgentHostFactory { Provider = model };

        using var response = await factory.CreateClient().SendAsync(Get("message=hi", lastEventId));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Last-Event-ID", problem.GetProperty("detail").GetString());
        Assert.Equal(0, model.CallCount);
    }

    [Fact]
    public async Task A_post_with_last_event_id_resumes_too()
    {
        var model = Answering("one");
        await using var factory = new AgentHostFactory { Provider = model };
        var client = factory.CreateClient();
        var frames = await FramesAsync(client, Post(new { message = "hi", session_id = "s1" }, null));

        using var retry = Post(new { message = "hi", session_id = "s1" }, null);
        retry.Headers.Add("Last-Event-ID", frames[^1].Id);
        using var response = await client.SendAsync(retry);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(1, model.CallCount);
    }

    [Fact]
    public async Task A_post_retried_with_the_same_idempotency_key_replays_the_turn_instead_of_running_it_again()
    {
        var model = Answering("Created ", "ticket #1.");
        await using var factory = new AgentHostFactory { Provider = model };
        var client = factory.CreateClient();

        var first = await FramesAsync(client, Post(new { message = "create a ticket" }, "retry-me-1"));
        var retried = await FramesAsync(client, Post(new { message = "create a ticket" }, "retry-me-1"));

        Assert.Equal(first.Select(f => f.Id), retried.Select(f => f.Id));
        Assert.Equal(SseReader.Text(first), SseReader.Text(retried));
        Assert.Equal(1, model.CallCount);
    }

    [Fact]
    public async Task Concurrent_posts_with_one_idempotency_key_run_the_turn_once()
    {
        var model = Answering("once");
        await using var factory = new AgentHostFactory { Provider = model };
        var client = factory.CreateClient();

        var all = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => FramesAsync(client, Post(new { message = "create a ticket" }, "same-key"))));

        Assert.All(all, frames => Assert.Equal("once", SseReader.Text(frames)));
        Assert.Single(all.Select(frames => frames[^1].Data.GetProperty("session_id").GetString()).Distinct());
        Assert.Equal(1, model.CallCount);
    }

    [Fact]
    public async Task An_idempotency_key_reused_for_another_message_is_a_422_problem()
    {
        var model = Answering("one");
        await using var factory = new AgentHostFactory { Provider = model };
        var client = factory.CreateClient();
        await FramesAsync(client, Post(new { message = "create a ticket" }, "k1"));

        using var response = await client.SendAsync(Post(new { message = "delete ticket 1" }, "k1"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("already used", problem.GetProperty("detail").GetString());
        Assert.Equal(1, model.CallCount);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("ünïcode")]
    public async Task A_malformed_idempotency_key_is_a_400_problem(string key)
    {
        await using var factory = new AgentHostFactory { Provider = Answering("one") };
        using var request = Post(new { message = "hi" }, null);
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);

        using var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    /// <summary>Says "one ", then waits for <see cref="Gate"/> before "two"; notices cancellation.</summary>
    private sealed class GatedChatClient : IChatClient
    {
        private int _calls;

        public TaskCompletionSource FirstWordSent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Calls => Volatile.Read(ref _calls);

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
            [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _calls);
            yield return Text("one ");
            FirstWordSent.TrySetResult();
            try
            {
                await Gate.Task.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Cancelled.TrySetResult();
                throw;
            }

            yield return Text("two");
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
