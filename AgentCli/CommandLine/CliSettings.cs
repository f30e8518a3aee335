namespace AgentCli.CommandLine;

/// <summary>What the command line asked for, after defaults and the environment were applied.</summary>
/// <param name="Message">The one message to send, or null for the interactive chat.</param>
/// <param name="AgentUrl">Where the agent host listens.</param>
/// <param name="Token">The credential sent as <c>Authorization: Bearer</c> (an API key, <c>at_...</c>), or null for none.</param>
internal sealed record CliSettings(string? Message, Uri AgentUrl, string? Token = null)
{
    public const string DefaultUrl = "http://127.0.0.1:8100";
    public const string UrlVariable = "AGENT_URL";
    public const string TokenVariable = "AGENT_TOKEN";

    /// <summary>
    /// Picks the URL: <c>--url</c>, then the second positional argument (the original client's habit),
    /// then <c>AGENT_URL</c>, then the default. Returns an error text instead of throwing for a bad URL.
    /// </summary>
    public static (CliSettings? Settings, string? Error) Resolve(
        string? message, string? urlOption, string? urlArgument, Func<string, string?> environment, string? tokenOption = null)
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

        // --token, then AGENT_TOKEN; a blank one is no token. One that could not be a header value is refused
        // here, naming where it came from, rather than failing inside the HTTP client.
        var (token, tokenSource) = string.IsNullOrWhiteSpace(tokenOption) ? (environment(TokenVariable), TokenVariable) : (tokenOption, "--token");
        token = string.IsNullOrWhiteSpace(token) ? null : token.Trim();
        if (token is not null && token.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return (null, $"the token from {tokenSource} contains spaces or control characters; an API key is one word (at_...).");
        }

        return (new CliSettings(message, url, token), null);
    }
}
