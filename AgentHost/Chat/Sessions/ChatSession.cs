using Microsoft.Extensions.AI;

namespace AgentHost.Chat.Sessions;

/// <summary>One conversation: its bounded history and whether a turn is running on it.</summary>
public sealed class ChatSession(string id, DateTimeOffset now)
{
    private readonly Lock _gate = new();
    private readonly List<ChatMessage> _history = [];
    private int _busy;

    public string Id { get; } = id;

    public DateTimeOffset LastUsed { get; private set; } = now;

    /// <summary>A copy of the history, oldest first.</summary>
    public IReadOnlyList<ChatMessage> History
    {
        get
        {
            lock (_gate)
            {
                return _history.ToList();
            }
        }
    }

    /// <summary>One turn at a time per session: a second concurrent message would interleave the history.</summary>
    public bool TryBeginTurn() => Interlocked.CompareExchange(ref _busy, 1, 0) == 0;

    public void EndTurn() => Volatile.Write(ref _busy, 0);

    internal void Touch(DateTimeOffset now) => LastUsed = now;

    /// <summary>Appends a finished turn, then drops the oldest whole turns beyond <paramref name="maxMessages"/>.</summary>
    public void AppendTurn(IEnumerable<ChatMessage> messages, int maxMessages)
    {
        lock (_gate)
        {
            _history.AddRange(messages);
            while (_history.Count > maxMessages)
            {
                // Cut at the next user message so a tool result never loses the call it answers.
                var nextTurn = _history.FindIndex(1, m => m.Role == ChatRole.User);
                _history.RemoveRange(0, nextTurn > 0 ? nextTurn : _history.Count);
            }
        }
    }
}
