namespace AgentHost.Chat;

/// <summary>The model provider answered something unusable (e.g. malformed tool arguments). Ends the turn in an error frame.</summary>
public sealed class ChatProviderException : Exception
{
    public ChatProviderException()
    {
    }

    public ChatProviderException(string message) : base(message)
    {
    }

    public ChatProviderException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
