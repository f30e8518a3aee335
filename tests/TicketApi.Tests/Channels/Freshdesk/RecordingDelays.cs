namespace TicketApi.Tests.Channels.Freshdesk;

/// <summary>
/// A TimeProvider whose timers fire at once and whose every requested delay is recorded, so pacing, Retry-After
/// and backoff are asserted exactly and the tests take no wall-clock time waiting.
/// </summary>
public sealed class RecordingDelays(DateTimeOffset now) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _delays = [];

    public IReadOnlyList<TimeSpan> Delays
    {
        get
        {
            lock (_gate)
            {
                return [.. _delays];
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _delays.Clear();
        }
    }

    public override DateTimeOffset GetUtcNow() => now;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (_gate)
        {
            _delays.Add(dueTime);
        }
        var timer = new ImmediateTimer();
        ThreadPool.UnsafeQueueUserWorkItem(_ => callback(state), null);
        return timer;
    }

    private sealed class ImmediateTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
