namespace AgentCli.CommandLine;

/// <summary>What the command line asked for, after defaults and the environment were applied.</summary>
/// <param name="Message">The one message to send, or null for the interactive chat.</param>
/// <param name="AgentUrl">Where the agent host listens.</param>
internal sealed record CliSettings(string? Message, Uri AgentUrl)
{
    public const string DefaultUrl = "http://127.0.0.1:8100";
    public const string UrlVariable = "AGENT_URL";

    /// <summary>
    /// Picks the URL: <c>--url</c>, then the second positional argument (the original client's habit),
    /// then <c>AGENT_URL</c>, then the default. Returns an error text instead of throwing for a bad URL.
    /// </summary>
    public static (CliSettings? Settings, string? Error) Resolve(
        string? message, string? urlOption, string? urlArgument, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var candidates = new (string? Value, string Source)[]
        {
            (urlOption, "--url"),
            (urlArgument, "the URL argument"),
            (environment(UrlVariable), UrlVariable),
            (DefaultUrl, "the default"),
        };
        var (raw, source) = candidates.First(c => !string.IsNullOrWhiteSpace(c.Value));

        if (!Uri.TryCreate(raw!.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return (null, $"'{raw}' from {source} is not an http:// or https:// URL of the agent host.");
        }

        return (new CliSettings(message, url), null);
    }
}
