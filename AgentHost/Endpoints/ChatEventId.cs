using System.Globalization;
using AgentHost.Chat.Sessions;

namespace AgentHost.Endpoints;

/// <summary>
/// The SSE event id of a chat frame, <c>{session_id}:{turn}:{sequence}</c> (docs/chat-sse.md): enough for a
/// reconnect's <c>Last-Event-ID</c> to name the turn and the last frame the client saw. Session ids hold no ':'.
/// </summary>
public readonly record struct ChatEventId(string SessionId, int Turn, int Sequence)
{
    public static string Format(ChatTurn turn, int sequence)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return string.Create(CultureInfo.InvariantCulture, $"{turn.SessionId}:{turn.Number}:{sequence}");
    }

    public static bool TryParse(string? text, out ChatEventId id)
    {
        id = default;
        var parts = (text ?? "").Split(':');
        if (parts.Length != 3 || !ChatSessionStore.IsValidId(parts[0])
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var turn) || turn < 1
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            return false;
        }

        id = new ChatEventId(parts[0], turn, sequence);
        return true;
    }
}
