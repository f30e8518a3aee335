using Microsoft.Extensions.AI;

namespace AgentHost.Chat.Sessions;

/// <summary>
/// One conversation: its bounded history, the journals of its last few turns (for reconnects), the one turn
/// that may be running, and a pending confirmation, if any.
/// </summary>
public sealed class ChatSession(string id, DateTimeOffset now)
{
    private readonly Lock _gate = new();
    private readonly List<ChatMessage> _history = [];
    private readonly List<ChatTurn> _turns = [];
    private int _turnCount;
    private PendingConfirmation? _pending;

    // Ticks, read and written atomically: the store sorts sessions by it while requests touch them.
    private long _lastUsedTicks = now.UtcTicks;

    public string Id { get; } = id;

    public DateTimeOffset LastUsed => new(Volatile.Read(ref _lastUsedTicks), TimeSpan.Zero);

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

    /// <summary>
    /// Starts the next turn, or returns null while one is still running: a second concurrent message would
    /// interleave the history. Only the last <paramref name="turnsKept"/> journals are kept.
    /// </summary>
    public ChatTurn? TryBeginTurn(string message, string? idempotencyKey, int maxFramesPerTurn, int turnsKept)
    {
        lock (_gate)
        {
            if (_turns.Count > 0 && !_turns[^1].IsFinished)
            {
                return null;
            }

            var turn = new ChatTurn(Id, ++_turnCount, message, idempotencyKey, maxFramesPerTurn);
            _turns.Add(turn);
            if (_turns.Count > turnsKept)
            {
                _turns.RemoveRange(0, _turns.Count - turnsKept);
            }

            return turn;
        }
    }

    /// <summary>The journal of turn <paramref name="number"/>, if it is still kept.</summary>
    public ChatTurn? FindTurn(int number)
    {
        lock (_gate)
        {
            return _turns.Find(t => t.Number == number);
        }
    }

    /// <summary>True while the session still keeps this very turn's journal.</summary>
    public bool Keeps(ChatTurn turn)
    {
        lock (_gate)
        {
            return _turns.Contains(turn);
        }
    }

    /// <summary>Removes and returns the pending confirmation if it is younger than <paramref name="timeout"/>: it answers the next message only.</summary>
    public PendingConfirmation? TakePendingConfirmation(DateTimeOffset now, TimeSpan timeout)
    {
        lock (_gate)
        {
            var pending = _pending;
            _pending = null;
            return pending is not null && now - pending.AskedAt <= timeout ? pending : null;
        }
    }

    public void SetPendingConfirmation(PendingConfirmation pending)
    {
        lock (_gate)
        {
            _pending = pending;
        }
    }

    internal void Touch(DateTimeOffset now) => Volatile.Write(ref _lastUsedTicks, now.UtcTicks);

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
