using System.CommandLine;

namespace AgentCli.CommandLine;

/// <summary>The command-line grammar. Parsing only; what a parsed command does is passed in.</summary>
internal static class AgentCliCommand
{
    public static RootCommand Create(Func<CliSettings, CancellationToken, Task<int>> run, Func<string, string?> environment, TextWriter error)
    {
        var message = new Argument<string?>("message")
        {
            Description = "What to ask the agent, e.g. \"List all open tickets\". Leave out to chat interactively (or pipe lines in).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        // Without this a mistyped option ("--ulr x") would be sent to the agent as the message.
        message.Validators.Add(result =>
        {
            if (result.Tokens is [{ Value: var text }] && text.StartsWith("--", StringComparison.Ordinal))
            {
                result.AddError($"Unknown option '{text}'.");
            }
        });
        var urlArgument = new Argument<string?>("url")
        {
            Description = "The agent host's URL (same as --url).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var urlOption = new Option<string?>("--url", "-u")
        {
            Description = $"The agent host's URL. Default: ${CliSettings.UrlVariable}, else {CliSettings.DefaultUrl}.",
            HelpName = "url",
        };

        var tokenOption = new Option<string?>("--token", "-t")
        {
            Description = $"An API key (at_..., from POST /api/keys) sent as Authorization: Bearer. Default: ${CliSettings.TokenVariable}. " +
                "Needed when the agent host requires credentials.",
            HelpName = "key",
        };

        var root = new RootCommand("Chat with the AgentTickets agent host: answers stream to stdout, tool activity to stderr.")
        {
            message,
            urlArgument,
            urlOption,
            tokenOption,
        };

        root.SetAction(async (parseResult, cancellationToken) =>
        {
            var (settings, problem) = CliSettings.Resolve(
                parseResult.GetValue(message),
                parseResult.GetValue(urlOption),
                parseResult.GetValue(urlArgument),
                environment,
                parseResult.GetValue(tokenOption));
            if (settings is null)
            {
                await error.WriteLineAsync($"error: {problem}");
                return ExitCodes.Usage;
            }

            return await run(settings, cancellationToken);
        });
        return root;
    }
}
