namespace AgentHost.Tests.Mcp;

/// <summary>A clock the test moves by hand, so idle timeouts are tested without waiting for them.</summary>
internal sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now = new(2025, 1, 8, 9, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
