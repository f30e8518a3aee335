using System.ClientModel;

namespace AgentHost.Chat;

/// <summary>Turns a failed turn's exception into the one sentence of its <c>error</c> frame.</summary>
public static class ChatErrors
{
    public static string Describe(Exception exception) => exception switch
    {
        ToolLoopException or ChatProviderException => exception.Message,
        ClientResultException { Status: 401 or 403 } e =>
            $"The model provider refused the credentials ({e.Status}). Check AZURE_OPENAI_API_KEY or OPENAI_API_KEY.",
        ClientResultException { Status: 429 } =>
            "The model provider is rate-limiting requests (429) and retrying did not help. Try again in a minute.",
        ClientResultException { Status: 404 } =>
            "The model provider does not know this model or deployment (404). Check OPENAI_MODEL or AZURE_OPENAI_CHAT_DEPLOYMENT.",
        ClientResultException { Status: 0 } e => $"The model provider could not be reached: {FirstLine(e.Message)}",
        ClientResultException e => $"The model provider failed ({e.Status}): {FirstLine(e.Message)}",
        TimeoutException or OperationCanceledException => "The model provider did not answer in time.",
        HttpRequestException e => $"The model provider could not be reached: {FirstLine(e.Message)}",
        _ => "The assistant failed unexpectedly; the error has been logged.",
    };

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length > 300 ? line[..300] + "..." : line;
    }
}
