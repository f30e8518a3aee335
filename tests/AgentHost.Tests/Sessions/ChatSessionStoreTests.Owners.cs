using AgentHost.Chat.Sessions;

namespace AgentHost.Tests.Sessions;

/// <summary>Whose session it is (docs/chat-sse.md, "Whose session it is"): only its owner continues it, on every host.</summary>
public abstract partial class ChatSessionStoreTests
{
    [Fact]
    public async Task A_message_from_anyone_but_the_owner_is_refused_on_the_host_that_keeps_the_session_and_after_a_restart()
    {
        var store = Store();
        var opened = await StartAsync(store, "s", "my laptop is broken");
        var whileRunning = await store.StartTurnAsync("s", SomeoneElse, "show me", null, CancellationToken.None);
        await FinishAsync(store, opened, Answer("Filed."));

        var here = await store.StartTurnAsync("s", SomeoneElse, "show me", null, CancellationToken.None);
        var elsewhere = await Store().StartTurnAsync("s", SomeoneElse, "show me", null, CancellationToken.None);
        var owners = await StartAsync(Store(), "s", "thanks");

        Assert.IsType<NotYourSession>(whileRunning);
        Assert.IsType<NotYourSession>(here);
        Assert.IsType<NotYourSession>(elsewhere);
        Assert.Equal(2, owners.Turn.Number);
        Assert.Equal(Owner, owners.Session.OwnerId);
        Assert.Equal(Owner, (await store.Repository.ReadTranscriptAsync("s", _clock.Now, CancellationToken.None))!.OwnerId);
    }

    [Fact]
    public async Task A_refused_message_leaves_nothing_behind_so_the_owner_keeps_the_session_on_every_host()
    {
        var hostA = Store();
        await FinishAsync(hostA, await StartAsync(hostA, "s"), Answer("hello"));
        var hostB = Store(); // keeps nothing of "s" in memory yet

        Assert.IsType<NotYourSession>(await hostB.StartTurnAsync("s", SomeoneElse, "mine now?", null, CancellationToken.None));
        var owners = await StartAsync(hostB, "s", "still mine");

        Assert.Equal(Owner, owners.Session.OwnerId);
        Assert.Null(hostB.Find("s", SomeoneElse));
        Assert.Same(owners.Session, hostB.Find("s", Owner));
    }

    [Fact]
    public async Task An_expired_session_of_someone_else_is_unknown_so_its_id_starts_over_as_the_new_persons()
    {
        var store = Store();
        await FinishAsync(store, await StartAsync(store, "s"), Answer("hello"));
        _clock.Now += TimeSpan.FromMinutes(31);

        var fresh = Assert.IsType<TurnStarted>(await Store().StartTurnAsync("s", SomeoneElse, "hi", null, CancellationToken.None));

        Assert.Equal(1, fresh.Turn.Number);
        Assert.Empty(fresh.Claim.History);
        Assert.Equal(SomeoneElse, fresh.Session.OwnerId);
    }

    [Fact]
    public async Task The_same_idempotency_key_from_another_person_runs_their_own_turn_and_replays_nothing_of_the_first()
    {
        var store = Store();

        var first = Assert.IsType<TurnStarted>(await store.StartTurnAsync(null, Owner, "create a ticket", "key-1", CancellationToken.None));
        var other = Assert.IsType<TurnStarted>(await store.StartTurnAsync(null, SomeoneElse, "create a ticket", "key-1", CancellationToken.None));

        Assert.NotSame(first.Turn, other.Turn);
        Assert.NotEqual(first.Session.Id, other.Session.Id);
        Assert.Equal(SomeoneElse, other.Session.OwnerId);
    }
}
