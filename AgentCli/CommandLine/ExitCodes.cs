namespace AgentCli.CommandLine;

/// <summary>
/// Process exit codes. Each failure has its own code so a script can tell "the agent said no" from
/// "nothing is listening" from "the host crashed" without parsing text.
/// </summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The host streamed an <c>error</c> frame: the request was understood but failed.</summary>
    public const int AgentError = 1;

    /// <summary>Bad command line (unknown option, malformed URL).</summary>
    public const int Usage = 2;

    /// <summary>Nothing answered at the URL (connection refused, DNS failure, connect time-out).</summary>
    public const int Unreachable = 3;

    /// <summary>The host answered 4xx: the request itself was rejected.</summary>
    public const int ClientError = 4;

    /// <summary>The host answered 401: it needs a token, or refused the one given (--token, AGENT_TOKEN).</summary>
    public const int Unauthorized = 7;

    /// <summary>The host answered 5xx.</summary>
    public const int ServerError = 5;

    /// <summary>The stream broke, ended without <c>end</c>/<c>error</c>, or was not a valid event stream.</summary>
    public const int BrokenStream = 6;

    /// <summary>The user pressed Ctrl+C during an answer (128 + SIGINT, the shell convention).</summary>
    public const int Cancelled = 130;
}
