namespace TicketApi.Channels.Freshdesk;

/// <summary>
/// Every pause the connector takes (rate-limit pacing, Retry-After, backoff, the poll interval) goes through this
/// clock, so tests give it a TimeProvider that records the pauses and returns at once, while the rest of the host
/// keeps its own clock.
/// </summary>
public sealed class FreshdeskDelays(TimeProvider clock)
{
    public TimeProvider Clock => clock;

    public Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, clock, cancellationToken);
}
