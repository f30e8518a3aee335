namespace AgentHost.Chat.Sessions;

/// <summary>
/// The in-memory side of one conversation: the journals of its last few turns (for reconnects and retries) and
/// the one turn that may be running here. The conversation itself (history, pending confirmation, transcript)
/// is stored in the database (<see cref="Storage.ChatSessionRepository"/>) and survives a restart; journals do not.
/// It belongs to <see cref="OwnerId"/>, as the stored session does: nobody else continues it or replays its turns.
/// </summary>
public sealed class ChatSession(string id, string ownerId, DateTimeOffset now)
{
    private readonly Lock _gate = new();
    private readonly List<ChatTurn> _turns = [];

    // Ticks, read and written atomically: the store sorts sessions by it while requests touch them.
    private long _lastUsedTicks = now.UtcTicks;

    public string Id { get; } = id;

    /// <summary>The id of the person who opened the session (<c>Actor.Id</c>; <c>local</c> for local mode's admin).</summary>
    public string OwnerId { get; } = ownerId;

    public DateTimeOffset LastUsed => new(Volatile.Read(ref _lastUsedTicks), TimeSpan.Zero);

    /// <summary>True while a turn started here has not ended.</summary>
    public bool IsAnswering
    {
        get
        {
            lock (_gate)
            {
                return _turns.Count > 0 && !_turns[^1].IsFinished;
            }
        }
    }

    /// <summary>
    /// Starts turn <paramref name="number"/> (the stored session's count), or returns null while one is still
    /// running: a second concurrent message would interleave the history. Only the last <paramref name="turnsKept"/>
    /// journals are kept.
    /// </summary>
    public ChatTurn? TryBeginTurn(int number, string message, string? idempotencyKey, int maxFramesPerTurn, int turnsKept)
    {
        lock (_gate)
        {
            if (_turns.Count > 0 && !_turns[^1].IsFinished)
            {
                return null;
            }

            var turn = new ChatTurn(Id, number, message, idempotencyKey, maxFramesPerTurn);
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

    internal void Touch(DateTimeOffset now) => Volatile.Write(ref _lastUsedTicks, now.UtcTicks);
}
