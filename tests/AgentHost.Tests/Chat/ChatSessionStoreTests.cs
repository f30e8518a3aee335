using AgentHost.Chat.Sessions;
using AgentHost.Tests.Support;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace AgentHost.Tests.Chat;

public class ChatSessionStoreTests
{
    private readonly FixedTimeProvider _clock = new(new DateTimeOffset(2025, 6, 11, 10, 0, 0, TimeSpan.Zero));

    private ChatSessionStore Store(int maxSessions = 1000, int maxMessages = 60) =>
        new(Options.Create(new ChatSessionOptions { MaxSessions = maxSessions, IdleTimeout = TimeSpan.FromMinutes(30), MaxMessagesPerSession = maxMessages }), _clock);

    private static ChatMessage[] Turn(string user, params ChatMessage[] rest) => [new(ChatRole.User, user), .. rest];

    [Fact]
    public void A_session_is_found_again_by_its_id_and_keeps_its_history()
    {
        var store = Store();
        var session = store.GetOrCreate(null);
        session.AppendTurn(Turn("hi", new ChatMessage(ChatRole.Assistant, "hello")), 60);

        var again = store.GetOrCreate(session.Id);

        Assert.Same(session, again);
        Assert.Equal(["hi", "hello"], again.History.Select(m => m.Text));
        Assert.Matches("^[0-9a-f]{32}$", session.Id);
    }

    [Fact]
    public void A_session_idle_longer_than_the_timeout_starts_over()
    {
        var store = Store();
        var session = store.GetOrCreate("s1");
        session.AppendTurn(Turn("hi"), 60);

        _clock.Now += TimeSpan.FromMinutes(31);
        var again = store.GetOrCreate("s1");

        Assert.NotSame(session, again);
        Assert.Empty(again.History);
    }

    [Fact]
    public void Expired_sessions_are_swept_and_the_least_recently_used_goes_when_full()
    {
        var store = Store(maxSessions: 3);
        store.GetOrCreate("old");
        _clock.Now += TimeSpan.FromMinutes(1);
        store.GetOrCreate("a");
        _clock.Now += TimeSpan.FromMinutes(1);
        store.GetOrCreate("b");
        _clock.Now += TimeSpan.FromMinutes(1);

        store.GetOrCreate("c");

        Assert.Equal(3, store.Count);
        var oldAgain = store.GetOrCreate("old");
        Assert.Empty(oldAgain.History);
        Assert.Equal(3, store.Count);

        _clock.Now += TimeSpan.FromHours(1);
        store.GetOrCreate("fresh");
        Assert.Equal(1, store.Count);
    }

    [Fact]
    public void History_is_trimmed_by_whole_turns_so_no_tool_result_loses_its_call()
    {
        var store = Store();
        var session = store.GetOrCreate("s");
        for (var i = 0; i < 5; i++)
        {
            session.AppendTurn(Turn($"q{i}",
                new ChatMessage(ChatRole.Assistant, [new FunctionCallContent($"c{i}", "get_ticket")]),
                new ChatMessage(ChatRole.Tool, [new FunctionResultContent($"c{i}", "r")]),
                new ChatMessage(ChatRole.Assistant, $"a{i}")), maxMessages: 10);
        }

        var history = session.History;
        Assert.True(history.Count <= 10);
        Assert.Equal(ChatRole.User, history[0].Role);
        Assert.Equal("q4", history[^4].Text);
    }

    [Fact]
    public void Only_one_turn_runs_at_a_time_on_a_session()
    {
        var store = Store();

        var first = Assert.IsType<TurnStarted>(store.StartTurn("s", "one", null));
        Assert.IsType<SessionBusy>(store.StartTurn("s", "two", null));
        first.Turn.Append(AgentHost.Chat.ChatStreamEvent.ForEnd("s"));
        var second = Assert.IsType<TurnStarted>(store.StartTurn("s", "two", null));

        Assert.Equal([1, 2], [first.Turn.Number, second.Turn.Number]);
    }

    [Fact]
    public void The_same_idempotency_key_replays_its_turn_and_refuses_a_different_message()
    {
        var store = Store();

        var started = Assert.IsType<TurnStarted>(store.StartTurn(null, "create a ticket", "key-1"));
        var replayed = Assert.IsType<TurnReplayed>(store.StartTurn(null, "create a ticket", "key-1"));
        var reused = Assert.IsType<IdempotencyKeyReused>(store.StartTurn(null, "delete ticket 1", "key-1"));

        Assert.Same(started.Turn, replayed.Turn);
        Assert.Same(started.Turn, reused.Turn);
        Assert.Equal(1, store.Count);
    }

    [Fact]
    public void A_pending_confirmation_answers_the_next_message_only_and_expires()
    {
        var session = Store().GetOrCreate("s");
        var asked = new PendingConfirmation("delete_ticket", 7, _clock.Now);

        session.SetPendingConfirmation(asked);
        Assert.Equal(asked, session.TakePendingConfirmation(_clock.Now, TimeSpan.FromMinutes(5)));
        Assert.Null(session.TakePendingConfirmation(_clock.Now, TimeSpan.FromMinutes(5)));

        session.SetPendingConfirmation(asked);
        Assert.Null(session.TakePendingConfirmation(_clock.Now + TimeSpan.FromMinutes(6), TimeSpan.FromMinutes(5)));
    }

    [Theory]
    [InlineData("abc-123_X", true)]
    [InlineData("", false)]
    [InlineData("has space", false)]
    [InlineData("<script>", false)]
    public void Client_chosen_ids_are_checked(string id, bool valid) => Assert.Equal(valid, ChatSessionStore.IsValidId(id));
}
