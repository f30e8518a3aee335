namespace AgentHost.Chat.Sessions;

/// <summary>Limits of chat sessions, stored and in memory alike (docs/chat-sse.md, "Limits").</summary>
public sealed class ChatSessionOptions
{
    /// <summary>Sessions kept; the least recently used go first (stored sessions with a running turn are spared).</summary>
    public int MaxSessions { get; set; } = 1000;

    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    public int MaxMessagesPerSession { get; set; } = 60;

    /// <summary>Turns of readable transcript kept per session; older lines are dropped as new turns come.</summary>
    public int MaxTranscriptTurnsPerSession { get; set; } = 200;

    /// <summary>How many recent turns per session keep their frames for reconnects and retries.</summary>
    public int TurnsKeptPerSession { get; set; } = 4;

    /// <summary>Frames kept per turn; past it only the terminal frame is kept (docs/chat-sse.md).</summary>
    public int MaxFramesPerTurn { get; set; } = 4096;

    /// <summary>How long a "Reply yes to delete ..." question stays answerable.</summary>
    public TimeSpan ConfirmationTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a running turn holds its stored session against other hosts without renewing it. A live turn
    /// renews it every third of this (TurnLeaseRenewal); a host that dies mid-turn leaves the session busy (409)
    /// for at most this long, and a turn whose host stopped renewing may be overtaken and then is not saved.
    /// </summary>
    public TimeSpan TurnLease { get; set; } = TimeSpan.FromMinutes(5);
}
