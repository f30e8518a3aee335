using AgentHost.Chat;
using AgentHost.Chat.Sessions;
using AgentHost.Chat.Sessions.Storage;
using AgentHost.Tests.Support;
using AgentHost.Tools;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using TicketApi.Contracts;
using TicketApi.Tests.Infrastructure;

namespace AgentHost.Tests.Sessions;

/// <summary>
/// The session store on a real database (docs/chat-sse.md, "Where sessions are stored"): what a turn claims and
/// saves, what survives a new store on the same database (a restart), the bounds, and two hosts on one database.
/// Runs on SQLite and PostgreSQL.
/// </summary>
public abstract partial class ChatSessionStoreTests(TicketStoreFixture stores) : IAsyncLifetime
{
    private readonly string _connectionString = stores.CreateDatabase();
    private readonly List<ChatSessionDatabase> _databases = [];
    private readonly List<ChatSessionStore> _stores = [];
    private readonly FixedTimeProvider _clock = new(new DateTimeOffset(2025, 6, 11, 10, 0, 0, TimeSpan.Zero));

    /// <summary>The person the tests' sessions belong to (an account id, as <c>Actor.Id</c> gives it).</summary>
    private const string Owner = "dana-id";

    private const string SomeoneElse = "erin-id";

    public Task InitializeAsync() => ChatSessionSchema.MigrateAsync(Database(), CancellationToken.None);

    public async Task DisposeAsync()
    {
        _stores.ForEach(store => store.Dispose());
        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }

        stores.DropDatabase(_connectionString);
    }

    private ChatSessionDatabase Database()
    {
        var database = new ChatSessionDatabase(_connectionString);
        _databases.Add(database);
        return database;
    }

    /// <summary>A store as a host process has it; a second one on the same database is a restarted host, or another host.</summary>
    private ChatSessionStore Store(ChatSessionOptions? limits = null)
    {
        var options = Options.Create(limits ?? new ChatSessionOptions());
        var store = new ChatSessionStore(options, new ChatSessionRepository(Database(), options), _clock);
        _stores.Add(store);
        return store;
    }

    private static async Task<TurnStarted> StartAsync(ChatSessionStore store, string? id, string message = "hi") =>
        Assert.IsType<TurnStarted>(await store.StartTurnAsync(id, Owner, message, null, CancellationToken.None));

    /// <summary>What the turn runner does when a turn ends: saves it, then ends its journal.</summary>
    private async Task<bool> FinishAsync(ChatSessionStore store, TurnStarted started, ChatMessage[] answer, PendingConfirmation? pending = null)
    {
        var claim = started.Claim;
        var transcript = TranscriptBuilder.Lines(started.Turn.Number, started.Turn.Message, claim.ClaimedAt, answer, _clock.Now);
        var turn = new CompletedTurn(ChatHistory.Append(claim.History, [new(ChatRole.User, started.Turn.Message), .. answer], store.MaxMessagesPerSession),
            pending, transcript, [.. claim.TicketIds.Concat(TranscriptBuilder.FiledTicketIds(transcript.SelectMany(l => l.ToolCalls)))]);
        var saved = await store.Repository.CompleteAsync(claim, turn, _clock.Now, CancellationToken.None);
        started.Turn.Append(ChatStreamEvent.ForEnd(claim.Id));
        return saved;
    }

    private static ChatMessage[] Answer(string text) => [new(ChatRole.Assistant, text)];

    private static ChatMessage[] Created(long id, string title) =>
    [
        new(ChatRole.Assistant, [new FunctionCallContent($"call-{id}", TicketToolCatalogue.CreateTicket, new Dictionary<string, object?> { ["title"] = title })]),
        new(ChatRole.Tool, [new FunctionResultContent($"call-{id}", TicketToolResult.Success($"Created ticket #{id} '{title}' (OPEN).",
            new TicketDto(id, title, "", DateTime.UtcNow, DateTime.UtcNow, TicketStatus.Open)))]),
        new(ChatRole.Assistant, $"Created ticket #{id}."),
    ];

    [Fact]
    public async Task A_server_made_session_id_is_128_random_bits_and_its_history_survives_a_restart_call_for_call()
    {
        var before = Store();
        var first = await StartAsync(before, null, "file it");
        Assert.True(await FinishAsync(before, first, Created(7, "VPN drops")));

        var after = Store(); // a new process on the same database: nothing of the first store's memory
        var next = await StartAsync(after, first.Claim.Id, "and now?");

        Assert.Matches("^[0-9a-f]{32}$", first.Claim.Id);
        Assert.Equal(2, next.Turn.Number);
        Assert.Equal([ChatRole.User, ChatRole.Assistant, ChatRole.Tool, ChatRole.Assistant], next.Claim.History.Select(m => m.Role));
        var call = Assert.IsType<FunctionCallContent>(Assert.Single(next.Claim.History[1].Contents));
        Assert.Equal(("call-7", "create_ticket", "VPN drops"), (call.CallId, call.Name, call.Arguments!["title"]?.ToString()));
        var result = Assert.IsType<FunctionResultContent>(Assert.Single(next.Claim.History[2].Contents));
        Assert.Equal("call-7", result.CallId);
        var json = Assert.IsType<System.Text.Json.JsonElement>(result.Result);
        Assert.Equal("Created ticket #7 'VPN drops' (OPEN).", json.GetProperty("summary").GetString());
        Assert.Equal([7L], next.Claim.TicketIds);
    }

    [Fact]
    public async Task A_pending_confirmation_is_stored_and_answers_the_next_turn_only()
    {
        var before = Store();
        var asked = new PendingConfirmation(TicketToolCatalogue.DeleteTicket, 9, _clock.Now);
        var first = await StartAsync(before, "s1", "delete ticket 9");
        await FinishAsync(before, first, Answer("Reply \"yes\" to delete ticket #9."), asked);

        var after = Store();
        var second = await StartAsync(after, "s1", "what?");
        await FinishAsync(after, second, Answer("Say again?"));
        var third = await StartAsync(after, "s1", "yes");

        Assert.Equal(asked, second.Claim.Pending);
        Assert.Null(third.Claim.Pending);
    }

    [Fact]
    public async Task A_session_idle_longer_than_the_timeout_is_gone_and_its_id_starts_over()
    {
        var store = Store();
        var first = await StartAsync(store, "s1");
        await FinishAsync(store, first, Answer("hello"));

        _clock.Now += TimeSpan.FromMinutes(31);
        var unread = await store.Repository.ReadTranscriptAsync("s1", _clock.Now, CancellationToken.None);
        var again = await StartAsync(Store(), "s1");

        Assert.Null(unread);
        Assert.Empty(again.Claim.History);
        Assert.Equal(1, again.Turn.Number);
    }

    [Fact]
    public async Task Expired_sessions_are_swept_and_the_least_recently_used_goes_when_full()
    {
        var store = Store(new ChatSessionOptions { MaxSessions = 3 });
        foreach (var id in new[] { "old", "a", "b", "c" })
        {
            await FinishAsync(store, await StartAsync(store, id), Answer("ok"));
            _clock.Now += TimeSpan.FromMinutes(1);
        }

        Assert.Equal(3, await store.Repository.CountAsync(CancellationToken.None));
        Assert.Null(await store.Repository.ReadTranscriptAsync("old", _clock.Now, CancellationToken.None));
        Assert.NotNull(await store.Repository.ReadTranscriptAsync("a", _clock.Now, CancellationToken.None));

        _clock.Now += TimeSpan.FromHours(1);
        await FinishAsync(store, await StartAsync(store, "fresh"), Answer("ok"));
        Assert.Equal(1, await store.Repository.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Only_one_turn_runs_at_a_time_on_a_session()
    {
        var store = Store();

        var first = await StartAsync(store, "s", "one");
        Assert.IsType<SessionBusy>(await store.StartTurnAsync("s", Owner, "two", null, CancellationToken.None));
        await FinishAsync(store, first, Answer("1"));
        var second = await StartAsync(store, "s", "two");

        Assert.Equal([1, 2], [first.Turn.Number, second.Turn.Number]);
    }

    [Fact]
    public async Task A_turn_running_on_another_host_makes_the_session_busy_until_its_lease_passes_and_then_its_save_is_refused()
    {
        var hostA = Store();
        var hostB = Store();
        var running = await StartAsync(hostA, "s", "slow question");

        var refused = await hostB.StartTurnAsync("s", Owner, "meanwhile", null, CancellationToken.None);
        _clock.Now += new ChatSessionOptions().TurnLease + TimeSpan.FromSeconds(1); // host A looks dead
        var takenOver = await StartAsync(hostB, "s", "anyone there?");
        var staleSave = await FinishAsync(hostA, running, Answer("late answer"));
        var save = await FinishAsync(hostB, takenOver, Answer("yes"));

        Assert.IsType<SessionBusy>(refused);
        Assert.Equal(2, takenOver.Turn.Number);
        Assert.False(staleSave);
        Assert.True(save);
        var transcript = await hostB.Repository.ReadTranscriptAsync("s", _clock.Now, CancellationToken.None);
        Assert.Equal(["anyone there?", "yes"], transcript!.Turns.Select(t => t.Text));
    }

    [Fact]
    public async Task A_released_claim_frees_the_session_at_once_for_every_host()
    {
        var hostA = Store();
        var failed = await StartAsync(hostA, "s");
        await hostA.Repository.ReleaseAsync(failed.Claim, CancellationToken.None);
        failed.Turn.Append(ChatStreamEvent.ForError("the model failed"));

        var next = await StartAsync(Store(), "s", "again");

        Assert.Equal(2, next.Turn.Number);
        Assert.Empty(next.Claim.History);
    }

    [Fact]
    public async Task The_same_idempotency_key_replays_its_turn_and_refuses_a_different_message()
    {
        var store = Store();

        var started = Assert.IsType<TurnStarted>(await store.StartTurnAsync(null, Owner, "create a ticket", "key-1", CancellationToken.None));
        var replayed = Assert.IsType<TurnReplayed>(await store.StartTurnAsync(null, Owner, "create a ticket", "key-1", CancellationToken.None));
        var reused = Assert.IsType<IdempotencyKeyReused>(await store.StartTurnAsync(null, Owner, "delete ticket 1", "key-1", CancellationToken.None));

        Assert.Same(started.Turn, replayed.Turn);
        Assert.Same(started.Turn, reused.Turn);
        Assert.Equal(1, await store.Repository.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_transcript_shows_each_turn_with_its_tool_calls_and_the_filed_tickets_and_keeps_only_the_newest_turns()
    {
        var store = Store(new ChatSessionOptions { MaxTranscriptTurnsPerSession = 2 });
        await FinishAsync(store, await StartAsync(store, "s", "first"), Created(3, "Printer jams"));
        await FinishAsync(store, await StartAsync(store, "s", "second"), Created(4, "Mail down"));
        _clock.Now += TimeSpan.FromSeconds(5);
        await FinishAsync(store, await StartAsync(store, "s", "third"), Answer("Nothing to do."));

        var transcript = (await store.Repository.ReadTranscriptAsync("s", _clock.Now, CancellationToken.None))!;

        Assert.Equal([3L, 4L], transcript.TicketIds);
        Assert.Equal(["second", "Created ticket #4.", "third", "Nothing to do."], transcript.Turns.Select(t => t.Text));
        Assert.Equal(["user", "assistant", "user", "assistant"], transcript.Turns.Select(t => t.Role));
        var call = Assert.Single(transcript.Turns[1].ToolCalls);
        Assert.Equal("create_ticket", call.Name);
        Assert.Equal("Mail down", call.Arguments.GetProperty("title").GetString());
        Assert.Equal(4, call.Result!.Value.GetProperty("data").GetProperty("id").GetInt64());
        Assert.Empty(transcript.Turns[0].ToolCalls);
        Assert.Equal(_clock.Now, transcript.Turns[3].At);
        Assert.Equal(_clock.Now, transcript.LastUsed);
    }
}

public sealed class ChatSessionStoreOnSqliteTests() : ChatSessionStoreTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class ChatSessionStoreOnPostgresTests(PostgresServer server) : ChatSessionStoreTests(server);
