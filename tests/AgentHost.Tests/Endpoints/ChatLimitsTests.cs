using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AgentHost.Chat.Sessions;
using AgentHost.Chat.Sessions.Storage;
using AgentHost.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static AgentHost.Tests.Support.ScriptedChatClient;

namespace AgentHost.Tests.Endpoints;

/// <summary>
/// /chat under pressure: a full session store under parallel load, and oversized bodies (docs/chat-sse.md, "Errors").
/// The drills run alone (<see cref="LoadDrills"/>) so their load does not eat other tests' deadlines.
/// </summary>
[Collection(LoadDrills.Name)]
public class ChatLimitsTests
{
    private static ScriptedChatClient Answering(params string[] words) =>
        new(_ => [.. words.Select(w => Text(w))]) { RepeatLastStep = true };

    [Fact]
    public async Task A_full_store_under_many_parallel_new_sessions_never_throws_and_stays_bounded()
    {
        // The in-memory journals only: GetOrCreate never reaches the database, which is never even opened here.
        var options = Microsoft.Extensions.Options.Options.Create(new ChatSessionOptions { MaxSessions = 8 });
        await using var database = new ChatSessionDatabase($"Data Source={Path.Combine(Path.GetTempPath(), $"unused-{Guid.NewGuid():N}.db")}");
        using var store = new ChatSessionStore(options, new ChatSessionRepository(database, options), TimeProvider.System);

        // Before the fix, sorting the live dictionary failed here (NullReferenceException, ArgumentException) within
        // a few thousand calls; each failure was a 500 of /chat.
        await Parallel.ForAsync(0, 100_000, new ParallelOptions { MaxDegreeOfParallelism = 64 }, (_, _) =>
        {
            store.GetOrCreate(null, "local");
            return ValueTask.CompletedTask;
        });

        Assert.InRange(store.Count, 1, 8 + 64);
    }

    [Fact]
    public async Task Parallel_new_sessions_on_a_full_store_never_get_a_5xx()
    {
        await using var factory = new AgentHostFactory
        {
            Provider = Answering("hi"),
            ConfigureServices = services => services.Configure<ChatSessionOptions>(o => o.MaxSessions = 4),
        };
        var client = factory.CreateClient();
        var statuses = new System.Collections.Concurrent.ConcurrentBag<HttpStatusCode>();

        await Parallel.ForAsync(0, 1500, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (_, ct) =>
        {
            using var response = await client.GetAsync("/chat?message=hi", ct);
            await response.Content.ReadAsStringAsync(ct);
            statuses.Add(response.StatusCode);
        });

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        var sessions = factory.Services.GetRequiredService<ChatSessionStore>();
        Assert.InRange(sessions.Count, 1, 4 + 32);
        // Stored sessions are bounded the same way; a session whose turn was running when another was created is spared.
        Assert.InRange(await sessions.Repository.CountAsync(CancellationToken.None), 1, 4 + 32);
    }

    [Fact]
    public async Task A_post_body_declared_over_64_KiB_is_a_413_problem()
    {
        await using var factory = new AgentHostFactory { Provider = Answering("one") };
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"message\":\"" + new string('x', 70_000) + "\"}"));
        content.Headers.ContentType = new("application/json");

        using var response = await factory.CreateClient().PostAsync("/chat", content);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("64 KiB", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_chunked_post_body_is_refused_with_a_413_problem_as_soon_as_it_passes_64_KiB()
    {
        // Real Kestrel over a raw socket: the in-memory test server copies a body whole before the app sees it,
        // and HttpClient would keep sending. Here the client sends 128 KiB of a body that never ends, then listens.
        await using var factory = new AgentHostFactory { Provider = Answering("one"), OverLoopback = true }.Started();
        var address = factory.ClientOptions.BaseAddress;
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        var stream = tcp.GetStream();
        var chunk = new string('x', 128 * 1024);
        var request = $"POST /chat HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" +
            $"{chunk.Length + 13:x}\r\n{{\"message\":\"{chunk}\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));

        using var reader = new StreamReader(stream, Encoding.ASCII);
        var statusLine = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal("HTTP/1.1 413 Payload Too Large", statusLine);
    }
}

/// <summary>Tests that load the machine on purpose; xunit runs this collection with nothing else in parallel.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LoadDrills
{
    public const string Name = "Load drills";
}
