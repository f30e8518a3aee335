using Microsoft.Extensions.AI;

namespace AgentHost.Chat.Sessions;

/// <summary>The per-session cap on the history handed to the model.</summary>
public static class ChatHistory
{
    /// <summary>The history with a finished turn appended, its oldest whole turns dropped beyond <paramref name="maxMessages"/>.</summary>
    public static List<ChatMessage> Append(IEnumerable<ChatMessage> history, IEnumerable<ChatMessage> turn, int maxMessages)
    {
        var messages = history.Concat(turn).ToList();
        while (messages.Count > maxMessages)
        {
            // Cut at the next user message so a tool result never loses the call it answers.
            var nextTurn = messages.FindIndex(1, m => m.Role == ChatRole.User);
            messages.RemoveRange(0, nextTurn > 0 ? nextTurn : messages.Count);
        }

        return messages;
    }
}
