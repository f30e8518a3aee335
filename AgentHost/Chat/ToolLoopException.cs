namespace AgentHost.Chat;

/// <summary>The tool loop gave up (round limit, repeated tool errors). Ends the turn in an error frame.</summary>
public sealed class ToolLoopException : Exception
{
    public ToolLoopException()
    {
    }

    public ToolLoopException(string message) : base(message)
    {
    }

    public ToolLoopException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
