using System.Text.Json;
using AgentCli.CommandLine;

namespace AgentCli.Streaming;

/// <summary>
/// A failure talking to the agent host, already phrased for the user and mapped to its exit code, so
/// the chat loop only has to print it.
/// </summary>
internal sealed class AgentHostException : Exception
{
    private AgentHostException(string message, int exitCode, Exception? inner = null)
        : base(message, inner) => ExitCode = exitCode;

    public int ExitCode { get; }

    public static AgentHostException Unreachable(Uri url, Exception inner) => new(
        $"cannot reach the agent host at {url} ({Describe(inner)}). Is it running? Start it with " +
        "'dotnet run --project AgentHost', or point --url / AGENT_URL at it.",
        ExitCodes.Unreachable,
        inner);

    public static AgentHostException Protocol(string detail, Exception? inner = null) =>
        new($"the agent host sent a broken answer: {detail}", ExitCodes.BrokenStream, inner);

    public static AgentHostException StreamBroken(Exception inner) =>
        new($"the connection to the agent host broke before the answer finished ({Describe(inner)})", ExitCodes.BrokenStream, inner);

    public static AgentHostException EndedEarly() =>
        new("the agent host closed the stream before the answer finished (no 'end' or 'error' frame)", ExitCodes.BrokenStream);

    /// <summary>Builds the error for a non-2xx answer, quoting the host's problem details when it sent them.</summary>
    public static async Task<AgentHostException> FromResponseAsync(HttpResponseMessage response, bool tokenSent, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (status == 401)
        {
            // The host's own text ("Unauthorized") does not say what to do; this does (docs/accounts.md, "API keys").
            return new AgentHostException(tokenSent
                ? "the agent host refused the token (unknown, revoked, or its owner is gone): check --token or AGENT_TOKEN"
                : "the agent host needs a token: --token or AGENT_TOKEN (an API key from POST /api/keys)",
                ExitCodes.Unauthorized);
        }

        var reason = response.ReasonPhrase ?? response.StatusCode.ToString();
        var detail = await ReadDetailAsync(response, cancellationToken);
        var text = $"the agent host answered {status} {reason}" + (detail is null ? string.Empty : $": {detail}");
        return new AgentHostException(text, status >= 500 ? ExitCodes.ServerError : ExitCodes.ClientError);
    }

    private static async Task<string?> ReadDetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string body;
        try
        {
            body = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (HttpRequestException)
        {
            return null; // The status line is enough to report; a body that cannot be read adds nothing.
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        if (response.Content.Headers.ContentType?.MediaType?.EndsWith("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            try
            {
                using var doc = JsonDocument.Parse(body);
                if (doc.RootElement.ValueKind == JsonValueKind.Object)
                {
                    foreach (var field in (string[])["detail", "title", "message"])
                    {
                        if (doc.RootElement.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String)
                        {
                            return value.GetString();
                        }
                    }
                }
            }
            catch (JsonException)
            {
                // Fall through to the raw text: a host that says it sends JSON but does not is still worth quoting.
            }
        }

        // Keep the report to one readable line even when a proxy answers with an HTML page.
        var oneLine = string.Join(' ', body.Split((char[])['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return oneLine.Length <= 200 ? oneLine : oneLine[..200] + "...";
    }

    /// <summary>HttpClient's own message is generic ("An error occurred while sending the request"); the cause is inside.</summary>
    private static string Describe(Exception exception)
    {
        var innermost = exception;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return innermost == exception || exception.Message.Contains(innermost.Message, StringComparison.Ordinal)
            ? exception.Message
            : $"{exception.Message.TrimEnd('.')}: {innermost.Message}";
    }
}
