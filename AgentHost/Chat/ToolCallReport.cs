using Microsoft.Extensions.AI;

namespace AgentHost.Chat;

/// <summary>
/// A finished tool call, surfaced by <see cref="ToolInvokingChatClient"/> in its update stream so the SSE
/// endpoint can emit a <c>tool</c> frame. Not part of the conversation history.
/// </summary>
public sealed class ToolCallReport(FunctionCallContent call, bool succeeded, string summary) : AIContent
{
    public FunctionCallContent Call { get; } = call;

    public string Name => Call.Name;

    public bool Succeeded { get; } = succeeded;

    public string Summary { get; } = summary;
}
