using TicketApi.Data;

namespace TicketApi.Events;

/// <summary>
/// Wakes every open event stream of this process when events become visible (<see cref="CommitSignal{TRow}"/>).
/// Streams also poll (<see cref="EventSettings.Poll"/>) for events other processes write.
/// </summary>
public sealed class TicketEventSignal : CommitSignal<TicketEvent>
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A task that completes at the next notification: take it before looking, so nothing slips in between.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public override void Notify() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
