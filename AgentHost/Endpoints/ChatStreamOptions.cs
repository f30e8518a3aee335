namespace AgentHost.Endpoints;

/// <summary>How the chat stream talks to EventSource clients.</summary>
public sealed class ChatStreamOptions
{
    /// <summary>
    /// The <c>retry:</c> sent first: how long an EventSource waits before reconnecting (with <c>Last-Event-ID</c>,
    /// which this server answers without re-running the turn). Tests shorten it.
    /// </summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(5);
}
