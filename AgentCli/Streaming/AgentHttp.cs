namespace AgentCli.Streaming;

/// <summary>The one HttpClient the CLI uses, tuned for long-lived streams.</summary>
internal static class AgentHttp
{
    /// <summary>
    /// No overall time-out (an answer may legitimately stream for minutes), but a short connect
    /// time-out so a wrong address fails in seconds instead of hanging.
    /// </summary>
    public static HttpClient Create() => new(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(10) })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };
}
