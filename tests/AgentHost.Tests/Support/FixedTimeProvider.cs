namespace AgentHost.Tests.Support;

/// <summary>A clock that says what the test wants (Microsoft.Extensions.TimeProvider.Testing is not in the mirror).</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
